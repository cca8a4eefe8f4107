package lessontest

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/pckit/pckit/tla"
)

// GoOn runs `go <subcommand> -overlay <file> <rest...>` in the working
// directory, where the overlay replaces each of files (an embed.FS of the
// working directory's files, compiled into the check) with the content the
// check was built with. A check built with `go test -overlay` (a reference
// solution applied without touching the folder) so hands its overlay on to
// the go command it runs, which would otherwise read the folder's files.
func GoOn(t testing.TB, files fs.FS, subcommand string, rest ...string) (string, int) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	replace := map[string]string{}
	err = fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, name)
		if err != nil {
			return err
		}
		copyPath := filepath.Join(tmp, strings.ReplaceAll(name, "/", "_"))
		replace[filepath.Join(wd, filepath.FromSlash(name))] = copyPath
		return os.WriteFile(copyPath, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	overlay, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		t.Fatal(err)
	}
	overlayPath := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(overlayPath, overlay, 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := Run(t, "go", append([]string{subcommand, "-overlay", overlayPath}, rest...)...)
	for orig, copyPath := range replace {
		out = strings.ReplaceAll(out, copyPath, filepath.Base(orig)) // name the learner's file
	}
	return out, code
}

// Stuck runs call in a new goroutine and waits until either call returns
// (Stuck returns "") or that goroutine is parked in the runtime wait state
// state (as stack dumps print it, e.g. "sync.RWMutex.RLock") while no
// goroutine's stack names busy, a function the call may still be waiting
// for ("" for none). Then Stuck returns the goroutine's stack: it is parked
// for good, since nothing is left to wake it. It polls the stacks without
// any timeout; the outcome does not depend on timing.
func Stuck(call func(), state, busy string) string {
	id := make(chan string, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 64)
		id <- strings.Fields(string(buf[:runtime.Stack(buf, false)]))[1]
		call()
	}()
	parked := regexp.MustCompile(fmt.Sprintf(`(?s)goroutine %s \[%s.*?\n\n`, <-id, regexp.QuoteMeta(state)))
	buf := make([]byte, 1<<20)
	for {
		select {
		case <-done:
			return ""
		default:
		}
		dump := string(buf[:runtime.Stack(buf, true)]) + "\n\n"
		if stack := parked.FindString(dump); stack != "" && (busy == "" || !strings.Contains(dump, busy)) {
			return strings.TrimSpace(stack)
		}
		runtime.Gosched()
	}
}

// GoTestBrokenIn is GoTestBroken run on the lesson in dir (relative to the
// working directory, e.g. ".." from a lesson's exercise folder).
func GoTestBrokenIn(t testing.TB, dir, run string) string {
	t.Helper()
	out, code := Run(t, "go", "test", "-race", "-tags", "broken", "-run", run, dir)
	if code == 0 {
		t.Fatalf("the broken version in %s passed; its checker should have failed it:\n%s", dir, out)
	}
	return out
}

// LocalModel returns the model of spec under cfg, two files of dir (any
// folder, e.g. a lesson's or a temporary one), with the paths relative to
// the tla package's folder that tla.Model wants. Verdict and counts are
// left for the caller to judge.
func LocalModel(t testing.TB, dir, spec, cfg string) tla.Model {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(tla.Dir(), abs)
	if err != nil {
		t.Fatal(err)
	}
	return tla.Model{
		Name:   strings.TrimSuffix(cfg, ".cfg"),
		Spec:   filepath.Join(rel, spec),
		Config: filepath.Join(rel, cfg),
	}
}

// CheckBoth checks m with the offline checker, which must be installed
// (the test fails saying to run npm ci --prefix tla), and, at the same
// time, with TLC when tla.FindTLC finds a jar. It returns the results,
// TLC's first, then the offline checker's, and fails the test if the two
// disagree on the verdict, the violated name or the counterexample's
// length.
func CheckBoth(t testing.TB, m tla.Model) []tla.Result {
	t.Helper()
	if err := tla.FindOffline(); err != nil {
		t.Fatalf("the offline TLA+ checker is needed: %v (run npm ci --prefix tla)", err)
	}
	type run struct {
		r   tla.Result
		err error
	}
	tlc := make(chan run, 1)
	jar, jarErr := tla.FindTLC(t.Context())
	if jarErr == nil {
		go func() {
			r, err := tla.RunTLC(t.Context(), jar, m)
			tlc <- run{r, err}
		}()
	} else {
		t.Logf("TLC not run, offline checker only: %v", jarErr)
		close(tlc)
	}
	off, offErr := tla.RunOffline(t.Context(), m)
	var rs []tla.Result
	if got, ok := <-tlc; ok { // joins the TLC run, if any
		if got.err != nil {
			t.Fatalf("TLC on %s: %v", m.Name, got.err)
		}
		rs = append(rs, got.r)
	}
	if offErr != nil {
		t.Fatalf("offline checker on %s: %v", m.Name, offErr)
	}
	rs = append(rs, off)
	if first := rs[0]; first.Verdict != off.Verdict || first.Violated != off.Violated || first.TraceStates != off.TraceStates {
		t.Errorf("the checkers disagree on %s: %s says %s %s (trace of %d), %s says %s %s (trace of %d)", m.Name,
			first.Checker, first.Verdict, first.Violated, first.TraceStates, off.Checker, off.Verdict, off.Violated, off.TraceStates)
	}
	return rs
}
