//go:build exercise

package exercise

import (
	"embed"
	"regexp"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed *.go prediction.txt
var files embed.FS

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestVet runs go vet on this folder as you left it: testinggoroutine must
// find no t.Fatal (or FailNow, Skip...) outside the test's goroutine.
func TestVet(t *testing.T) {
	t.Parallel()
	out, _ := lessontest.GoOn(t, files, "vet", "-tags", "exercise", ".")
	if strings.Contains(out, "non-test goroutine") {
		t.Errorf("go vet still flags your test:\n%s", out)
	}
}

// TestBadInput runs TestSquares with the tag badinput, whose inputs include
// "two": the test must fail, naming the bad input, without a deadlock.
func TestBadInput(t *testing.T) {
	t.Parallel()
	out, code := lessontest.GoOn(t, files, "test", "-tags", "exercise,badinput", "-run", "^TestSquares$", ".")
	switch {
	case strings.Contains(out, "deadlock"):
		t.Errorf("with a bad input, TestSquares ends in a synctest deadlock: a goroutine it started is blocked for good (one that called FailNow never sent its square, or one cannot send because nobody receives any more):\n%s", out)
	case code == 0 || !strings.Contains(out, `Square("two")`):
		t.Errorf("with a bad input, TestSquares should fail, saying Square(\"two\") failed:\n%s", out)
	}
}

// TestPrediction runs go vet and the bad-input test on the lesson's broken
// test and compares prediction.txt with what they report.
func TestPrediction(t *testing.T) {
	t.Parallel()
	prediction, err := files.ReadFile("prediction.txt")
	if err != nil {
		t.Fatal(err)
	}
	vet, _ := lessontest.Run(t, "go", "vet", "-tags", "broken", "..")
	method := regexp.MustCompile(`call to \(\*testing\.T\)\.(\w+) from a non-test goroutine`).FindStringSubmatch(vet)
	if method == nil {
		t.Fatalf("go vet did not flag the lesson's broken test:\n%s", vet)
	}
	out, _ := lessontest.Run(t, "go", "test", "-tags", "broken,badinput", "-run", "^TestParseAll$", "..")
	outcome := "failure"
	if strings.Contains(out, "panic: deadlock") {
		outcome = "deadlock"
	}
	lessontest.ExpectAnswers(t, string(prediction), method[1], outcome)
}
