package lessons_test

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pckit/pckit/lessons/internal/lessontest"
)

// runExercises reports whether TestExercises runs every check: .ci/run sets
// PCKIT_EXERCISES=1.
func runExercises() bool { return os.Getenv("PCKIT_EXERCISES") == "1" }

// exercise is a lesson's exercise/exercise.json.
type exercise struct {
	Title string   `json:"title"`
	Flags []string `json:"flags"`
	Needs []string `json:"needs"`
	Hints []string `json:"hints"`
}

// TestExercises keeps every lesson's exercise honest; a lesson without one
// fails it. For each lesson it
// runs the exercise's check command,
//
//	go test -tags exercise <flags> ./lessons/NN-slug/exercise/
//
// three times and asserts that (a) the untouched exercise fails with a test
// failure (not a build error, not a missing tool), (b) with only the
// solution's prediction.txt applied it still fails, so the code edit is
// needed, and (c) with the whole solution applied it passes. A solution is
// applied with an overlay (-overlay in $GOFLAGS, so a go command the check
// starts sees it too); the repository is never modified.
//
// The three runs of every lesson cost about 100 go test builds, minutes of
// CPU: a plain `go test ./lessons/` checks every exercise's files and
// solution, and runs them with PCKIT_EXERCISES=1 (as .ci/run does).
func TestExercises(t *testing.T) {
	if !runExercises() {
		t.Log("checking every exercise's files; PCKIT_EXERCISES=1 go test -run TestExercises ./lessons/ also runs each check three times (.ci/run does)")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := filepath.Glob("[0-9][0-9]-*")
	if err != nil {
		t.Fatal(err)
	}
	declareInputs(t, root)
	for _, dir := range dirs {
		t.Run(dir, func(t *testing.T) {
			t.Parallel()
			checkExercise(t, root, dir)
		})
	}
}

func checkExercise(t *testing.T, root, dir string) {
	ex := filepath.Join(root, "lessons", dir, "exercise")
	sol := filepath.Join(root, "lessons", "internal", "solutions", "testdata", dir)
	if _, err := os.Stat(ex); err != nil {
		t.Fatalf("lessons/%s has no exercise: every lesson needs one, in the format of the others (exercise/ with check_test.go, exercise.json and prediction.txt, a solution in lessons/internal/solutions/testdata/%s/, a \"Your turn\" section in its README)", dir, dir)
	}
	data, err := os.ReadFile(filepath.Join(ex, "exercise.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e exercise
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		t.Fatalf("lessons/%s/exercise/exercise.json: %v", dir, err)
	}
	if e.Title == "" || len(e.Hints) == 0 || slices.Contains(e.Hints, "") || e.Flags == nil {
		t.Errorf("lessons/%s/exercise/exercise.json needs a title, \"flags\" (maybe []) and non-empty hints: %s", dir, data)
	}
	for _, n := range e.Needs {
		if n != "tla" {
			t.Errorf("lessons/%s/exercise/exercise.json needs %q; only \"tla\" is known", dir, n)
		}
	}
	check, err := os.ReadFile(filepath.Join(ex, "check_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(check), "//go:build exercise\n") {
		t.Errorf("lessons/%s/exercise/check_test.go must start with //go:build exercise", dir)
	}
	untouched := answersOf(t, filepath.Join(ex, "prediction.txt"))
	if slices.ContainsFunc(untouched, func(a string) bool { return a != "" }) {
		t.Errorf("lessons/%s/exercise/prediction.txt answers already; the learner's file leaves every answer empty", dir)
	}

	// The solution: prediction.txt and at least one more file, each
	// replacing the file of the same name in exercise/.
	files, err := os.ReadDir(sol)
	if err != nil {
		t.Fatalf("no reference solution for lessons/%s: %v", dir, err)
	}
	full := map[string]string{}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(ex, f.Name())); err != nil {
			t.Errorf("solution file %s replaces nothing in lessons/%s/exercise/", f.Name(), dir)
		}
		full[filepath.Join(ex, f.Name())] = filepath.Join(sol, f.Name())
	}
	predOnly := map[string]string{filepath.Join(ex, "prediction.txt"): filepath.Join(sol, "prediction.txt")}
	if _, ok := full[filepath.Join(ex, "prediction.txt")]; !ok || len(full) < 2 {
		t.Fatalf("the solution of lessons/%s must hold prediction.txt and the edited code", dir)
	}
	solved := answersOf(t, filepath.Join(sol, "prediction.txt"))
	if len(solved) != len(untouched) || len(solved) == 0 {
		t.Errorf("the solution's prediction.txt has %d answers, the exercise's %d", len(solved), len(untouched))
	}
	if slices.Contains(solved, "") {
		t.Errorf("the solution's prediction.txt leaves an answer empty")
	}
	if t.Failed() || !runExercises() {
		return
	}

	args := append(append([]string{"test", "-tags", "exercise"}, e.Flags...), "./lessons/"+dir+"/exercise/")
	for _, run := range []struct {
		name    string
		overlay map[string]string
		pass    bool
	}{
		{"untouched", nil, false},
		{"prediction only", predOnly, false},
		{"solution", full, true},
	} {
		out, code := goTest(t, root, run.overlay, args)
		switch {
		case run.pass && code != 0:
			t.Errorf("%s: go %s fails with the solution applied; it must pass:\n%s", run.name, strings.Join(args, " "), out)
		case !run.pass && code == 0:
			t.Errorf("%s: go %s passes; it must fail until the learner edits the code:\n%s", run.name, strings.Join(args, " "), out)
		case !run.pass:
			if why := notATestFailure(out); why != "" {
				t.Errorf("%s: go %s fails, but %s, not with a failing check:\n%s", run.name, strings.Join(args, " "), why, out)
			}
		}
	}
}

// answersOf parses a prediction file; it must hold at least one answer line.
func answersOf(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	as := lessontest.Answers(string(data))
	if len(as) == 0 {
		t.Errorf("%s has no `answer:` line", path)
	}
	return as
}

// goTest runs the go command in root with the overlay (file → replacement)
// and returns its output and exit code.
func goTest(t *testing.T, root string, overlay map[string]string, args []string) (string, int) {
	t.Helper()
	flags := "-count=1"
	if overlay != nil {
		data, err := json.Marshal(map[string]any{"Replace": overlay})
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "overlay.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		flags += " -overlay=" + path
	}
	ctx, cancel := context.WithTimeout(t.Context(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOFLAGS="+flags)
	out, err := cmd.CombinedOutput()
	code := 0
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	if ctx.Err() != nil {
		t.Fatalf("go %s did not finish: %v\n%s", strings.Join(args, " "), ctx.Err(), out)
	}
	return string(out), code
}

// Signs that a failing check did not get to check anything.
var (
	buildFailed = regexp.MustCompile(`\[(build|setup) failed\]|no Go files in|build constraints exclude all Go files`)
	toolMissing = regexp.MustCompile(`is needed to run this lesson's checker|no TLA\+ checker can run|npm ci --prefix tla`)
	testFailed  = regexp.MustCompile(`(?m)^\s*--- FAIL: |^panic: `)
)

// notATestFailure says why a failing go test run is not a failing check,
// or returns "" if it is one.
func notATestFailure(out string) string {
	switch {
	case buildFailed.MatchString(out):
		return "the package does not build"
	case toolMissing.MatchString(out):
		return "a tool is missing"
	case !testFailed.MatchString(out):
		return "no test reports a failure"
	}
	return ""
}

// declareInputs opens every source file of the module (Go, TLA+, the
// exercises' data): go test caches this package's result only until one
// of the files its test opened changes, and the checks this test runs read
// all of these. Without it, a cached pass could hide an exercise broken
// since.
func declareInputs(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules"):
			return filepath.SkipDir
		case d.IsDir():
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".mod", ".sum", ".json", ".txt", ".tla", ".cfg", ".mjs":
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			return f.Close()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestNotATestFailure: the harness tells a failing check from a check that
// never ran, on go test's own output of each kind.
func TestNotATestFailure(t *testing.T) {
	for _, c := range []struct{ out, want string }{
		{"--- FAIL: TestCounter (0.01s)\n    testing.go:1712: race detected during execution of test\nFAIL\n", ""},
		{"panic: close of closed channel\n\ngoroutine 7 [running]:\nFAIL\tx\t0.01s\n", ""},
		{"# x/exercise [x/exercise.test]\n./check_test.go:9:2: undefined: Foo\nFAIL\tx/exercise [build failed]\n", "the package does not build"},
		{"--- FAIL: TestModel (0.00s)\n    model.go:40: no TLA+ checker can run: run `npm ci --prefix tla`\n", "a tool is missing"},
		{"ok  \tx\t0.01s\n", "no test reports a failure"},
	} {
		if got := notATestFailure(c.out); got != c.want {
			t.Errorf("notATestFailure(%q) = %q, want %q", c.out, got, c.want)
		}
	}
}
