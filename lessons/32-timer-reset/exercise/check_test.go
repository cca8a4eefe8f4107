//go:build exercise

package exercise

import (
	_ "embed"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestPrediction runs the lesson's broken Batch and compares
// prediction.txt with synctest's report. (It runs first: a Watch that
// never returns ends the check with synctest's panic.)
func TestPrediction(t *testing.T) {
	out := lessontest.GoTestBrokenIn(t, "..", "^TestBatchAfterAQuietSpell$")
	ending := "returns"
	if strings.Contains(out, "panic: deadlock") {
		ending = "deadlock"
	}
	state := ""
	for _, stanza := range strings.Split(out, "\n\n") {
		if strings.Contains(stanza, "batch_broken.go") && strings.HasPrefix(stanza, "goroutine N [") {
			state, _, _ = strings.Cut(strings.TrimPrefix(stanza, "goroutine N ["), " (")
		}
	}
	lessontest.ExpectAnswers(t, prediction, ending, state)
}

// TestPingAfterQuiet pings, stays quiet for 2d (onQuiet runs once), pings
// again and closes pings: Watch must return, having called onQuiet once.
func TestPingAfterQuiet(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		pings := make(chan struct{})
		quiet := 0
		done := make(chan struct{})
		go func() {
			defer close(done)
			Watch(pings, time.Second, func() { quiet++ })
		}()
		pings <- struct{}{}
		time.Sleep(2 * time.Second) // quiet: the timer fires, onQuiet runs
		pings <- struct{}{}
		close(pings)
		synctest.Wait()
		select {
		case <-done:
		default:
			t.Fatal("Watch never returns: after the quiet spell, a ping left it waiting on its timer's channel for a value it had already received")
		}
		if quiet != 1 {
			t.Errorf("onQuiet ran %d times, want 1", quiet)
		}
	})
}
