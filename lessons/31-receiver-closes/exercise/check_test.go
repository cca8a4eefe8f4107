//go:build exercise

package exercise

import (
	_ "embed"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestPrediction runs the lesson's broken Collect and compares
// prediction.txt with the runtime's panic. (It runs first: the broken
// Squares ends the check with a panic.)
func TestPrediction(t *testing.T) {
	out := lessontest.GoTestBrokenIn(t, "..", "^TestCollect$")
	msg := regexp.MustCompile(`(?m)^panic: (.+?)( \[recovered.*)?$`).FindStringSubmatch(out)
	if msg == nil {
		t.Fatalf("the lesson's broken run did not panic:\n%s", out)
	}
	who := "receiver"
	if _, stack, ok := strings.Cut(out, msg[0]); ok && strings.Contains(stack, ".Collect.func1()") {
		who = "sender"
	}
	lessontest.ExpectAnswers(t, prediction, msg[1], who)
}

// TestSquares takes the first 4 squares. A send on a closed channel
// panics, ending the check with the panicking goroutine's stack; goleak
// reports a sender left running.
func TestSquares(t *testing.T) {
	if got, want := Squares(4), []int{1, 4, 9, 16}; !slices.Equal(got, want) {
		t.Errorf("Squares(4) = %v, want %v", got, want)
	}
}
