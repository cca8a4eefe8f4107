//go:build exercise

package exercise

import (
	"context"
	"embed"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed *.go prediction.txt
var files embed.FS

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestVet runs go vet on this folder as you left it: lostcancel must find
// no context whose cancel function is lost.
func TestVet(t *testing.T) {
	t.Parallel()
	out, _ := lessontest.GoOn(t, files, "vet", "-tags", "exercise", ".")
	if strings.Contains(out, "context leak") || strings.Contains(out, "without using the cancel") {
		t.Errorf("go vet's lostcancel still flags Poll:\n%s", out)
	}
}

// TestPollCancelsEveryContext polls a probe that succeeds on its third
// call: once Poll returns, every context it gave the probe must be done.
func TestPollCancelsEveryContext(t *testing.T) {
	var given []context.Context
	ok := Poll(context.Background(), func(ctx context.Context) bool {
		given = append(given, ctx)
		return len(given) == 3
	}, 5, time.Hour)
	if !ok || len(given) != 3 {
		t.Fatalf("Poll = %v after %d probes; want true after 3", ok, len(given))
	}
	for i, ctx := range given {
		if ctx.Err() == nil {
			t.Errorf("the context of probe %d is still live after Poll returned: its cancel was never called", i+1)
		}
	}
}

// TestPrediction runs go vet and the test on the lesson's broken
// FirstAnswer and compares prediction.txt with what they report.
func TestPrediction(t *testing.T) {
	t.Parallel()
	prediction, err := files.ReadFile("prediction.txt")
	if err != nil {
		t.Fatal(err)
	}
	vet, _ := lessontest.Run(t, "go", "vet", "-tags", "broken", "..")
	line := regexp.MustCompile(`without using the cancel var defined on line (\d+)`).FindStringSubmatch(vet)
	out := lessontest.GoTestBrokenIn(t, "..", "^TestFirstAnswer$")
	live := regexp.MustCompile(`(\d+) of the \d+ contexts FirstAnswer made are still live`).FindStringSubmatch(out)
	if line == nil || live == nil {
		t.Fatalf("the lesson's broken run did not report what this check expects:\n%s\n%s", vet, out)
	}
	lessontest.ExpectAnswers(t, string(prediction), line[1], live[1])
}
