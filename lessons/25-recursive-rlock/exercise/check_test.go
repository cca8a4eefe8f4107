//go:build exercise

package exercise

import (
	_ "embed"
	"regexp"
	"runtime"
	"sync"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestLeaderWhileWriterWaits queues a writer (Add) while Leader holds its
// read lock, as the lesson's test does to Total. Leader must return.
func TestLeaderWhileWriterWaits(t *testing.T) {
	b := NewBoard()
	b.Add("ann", 3)
	b.Add("bob", 5)
	var writer sync.WaitGroup
	b.Pause = func() {
		writer.Go(func() { b.Add("ann", 10) })
		for b.mu.TryRLock() { // succeeds until the writer is queued
			b.mu.RUnlock()
			runtime.Gosched()
		}
	}
	var leader string
	if stack := lessontest.Stuck(func() { leader = b.Leader("ann", "bob") }, "sync.RWMutex.RLock", ""); stack != "" {
		t.Fatalf("deadlock: with a writer queued, Leader never returns; its goroutine is parked in a second RLock:\n\n%s", stack)
	}
	writer.Wait()
	if leader != "bob" {
		t.Errorf("Leader = %q, want \"bob\" (the scores before the write)", leader)
	}
}

// TestPrediction runs the lesson's broken version and compares
// prediction.txt with what its report says.
func TestPrediction(t *testing.T) {
	out := lessontest.GoTestBrokenIn(t, "..", "^TestTotalWhileWriterWaits$")
	state := regexp.MustCompile(`goroutine N \[([^\],]+)`).FindStringSubmatch(out)
	method := regexp.MustCompile(`\(\*Catalog\)\.(\w+)\(`).FindStringSubmatch(out)
	if state == nil || method == nil {
		t.Fatalf("the lesson's broken run printed no parked goroutine:\n%s", out)
	}
	lessontest.ExpectAnswers(t, prediction, state[1], method[1])
}
