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
)

// Answers parses an exercise's prediction.txt: each "answer: " line, in
// order, paired with its question, the "#" lines just above it from the
// last one that starts with a number ("# 2. ...").
func Answers(text string) (questions, answers []string) {
	var q []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "#"):
			line = strings.TrimSpace(strings.TrimPrefix(line, "#"))
			if numbered.MatchString(line) {
				q = nil
			}
			q = append(q, line)
		case strings.HasPrefix(line, "answer:"):
			questions = append(questions, strings.Join(q, " "))
			answers = append(answers, strings.TrimSpace(strings.TrimPrefix(line, "answer:")))
			q = nil
		}
	}
	return questions, answers
}

var numbered = regexp.MustCompile(`^\d+\.`)

// Predict fails the test unless prediction.txt's answers are, in order,
// what the checker reported (got, each as the checker spelled it; case and
// surrounding spaces are ignored). It says which question is unanswered or
// wrong, and, for a wrong answer, what the checker said.
func Predict(t testing.TB, prediction string, got ...string) {
	t.Helper()
	questions, answers := Answers(prediction)
	if len(answers) != len(got) {
		t.Errorf("prediction.txt has %d answer lines, want %d (one per question)", len(answers), len(got))
		return
	}
	for i, a := range answers {
		switch {
		case a == "":
			t.Errorf("prediction.txt: question %d (%s) has no answer yet: write it after \"answer: \"", i+1, questions[i])
		case !strings.EqualFold(a, got[i]):
			t.Errorf("prediction.txt: question %d (%s): you predicted %q, the checker says %q", i+1, questions[i], a, got[i])
		}
	}
}

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
	return Run(t, "go", append([]string{subcommand, "-overlay", overlayPath}, rest...)...)
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
	for {
		select {
		case <-done:
			return ""
		default:
		}
		buf := make([]byte, 1<<20)
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
