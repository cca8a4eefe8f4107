package lessontest

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Answers returns the answers in an exercise's prediction.txt, given as its
// text (embedded by the exercise's check with //go:embed, so that `go test
// -overlay` can stand a reference solution in for it): the text after
// "answer:" on each answer line, trimmed and lower-cased, in order.
func Answers(prediction string) []string {
	var answers []string
	for line := range strings.Lines(prediction) {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "answer:"); ok {
			answers = append(answers, strings.ToLower(strings.TrimSpace(rest)))
		}
	}
	return answers
}

// ExpectAnswers fails the test unless prediction (prediction.txt's text)
// answers each question with the matching entry of actual, the checker's
// real answer in this run.
func ExpectAnswers(t testing.TB, prediction string, actual ...string) {
	t.Helper()
	answers := Answers(prediction)
	for i, want := range actual {
		switch {
		case i >= len(answers) || answers[i] == "":
			t.Errorf("prediction.txt: question %d has no answer yet: write it after \"answer:\"", i+1)
		case answers[i] != strings.ToLower(want):
			t.Errorf("prediction.txt: question %d: you predicted %q, the checker says %q", i+1, answers[i], want)
		}
	}
}

// A check reads every file the learner edits that is not Go code through
// //go:embed, never with os.ReadFile at run time: an overlay reaches
// embedded files only. A check that starts the go command again keeps
// $GOFLAGS (Run does), so an -overlay there reaches that run too.

// childEnv names the test that a Child process is to run.
const childEnv = "PCKIT_CHILD"

// InChild reports whether this test runs inside Child. A check uses it to
// run a scenario whose failure is the checker's report (a data race, a
// panic) only in a child process:
//
//	func TestScenario(t *testing.T) {
//		if !lessontest.InChild(t) {
//			return // run only through Child
//		}
//		…
//	}
func InChild(t testing.TB) bool { return os.Getenv(childEnv) == t.Name() }

// Child runs the test named name of this test binary again in a new
// process, where InChild is true for it, and returns its normalized output
// and exit code. The child is the same binary (built with -race if the
// parent is).
func Child(t testing.TB, name string) (string, int) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), exe, "-test.run=^"+name+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+name)
	out, err := cmd.CombinedOutput()
	code := 0
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s in a child process: %v\n%s", name, err, out)
	}
	return Normalize(t, string(out)), code
}
