//go:build exercise

package exercise

import (
	_ "embed"
	"errors"
	"regexp"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// returns fails the test if call parks for good in sync.Mutex.Lock (no
// other goroutine is inside the Tally, so nobody would unlock it), showing
// the goroutine's stack, and then unlocks the mutex itself so that the call
// can finish.
func returns(t *testing.T, tally *Tally, call func()) {
	t.Helper()
	if stack := lessontest.Stuck(call, "sync.Mutex.Lock", ""); stack != "" {
		tally.mu.Unlock() // free the stuck call
		t.Fatalf("deadlock: the call never returns; its goroutine waits for a mutex nobody will unlock:\n\n%s", stack)
	}
}

// TestEarlyReturn: after Add's error path, the next Add must return.
func TestEarlyReturn(t *testing.T) {
	tally := NewTally()
	if err := tally.Add("", 1); !errors.Is(err, ErrNoKey) {
		t.Fatalf("Add with an empty key = %v, want ErrNoKey", err)
	}
	returns(t, tally, func() { _ = tally.Add("a", 2) })
}

// TestPanicInUpdate: after a panic inside Update, recovered by the caller,
// the next Add must return and the count must be unchanged.
func TestPanicInUpdate(t *testing.T) {
	tally := NewTally()
	_ = tally.Add("a", 1)
	func() {
		defer func() { _ = recover() }()
		tally.Update("a", func(int) int { panic("bad update") })
	}()
	returns(t, tally, func() { _ = tally.Add("a", 2) })
	if got := tally.Count("a"); got != 3 {
		t.Errorf("Count = %d after the failed Update and Add(2), want 3", got)
	}
}

// caller is the function that called sync.(*Mutex).Lock in a stack dump.
var caller = regexp.MustCompile(`sync\.\(\*Mutex\)\.Lock\(.*\n.*\n.*\(\*Ledger\)\.(\w+)\(`)

// TestPrediction runs the lesson's broken build and go vet on it, and
// checks your answers against what they report.
func TestPrediction(t *testing.T) {
	out := lessontest.GoTestBrokenIn(t, "..", "^TestDoubleLock$")
	m := caller.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the broken TestDoubleLock shows no Ledger method calling Lock:\n%s", out)
	}
	vet, code := lessontest.Run(t, "go", "vet", "-tags", "broken", "..")
	flagged := "no"
	if code != 0 {
		flagged = "yes"
		t.Logf("go vet -tags broken:\n%s", vet)
	}
	lessontest.ExpectAnswers(t, prediction, m[1], flagged)
}
