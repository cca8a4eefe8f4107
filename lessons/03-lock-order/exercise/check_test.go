//go:build exercise

package exercise

import (
	_ "embed"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// lockWaiters returns the stacks of the goroutines parked in
// sync.Mutex.Lock inside Transfer (or startTransfer).
func lockWaiters() []string {
	buf := make([]byte, 1<<20)
	dump := string(buf[:runtime.Stack(buf, true)])
	var stacks []string
	for _, g := range strings.Split(dump, "\n\n") {
		if strings.Contains(g, "[sync.Mutex.Lock") && strings.Contains(g, "ransfer(") {
			stacks = append(stacks, g)
		}
	}
	return stacks
}

// TestOppositeTransfers runs Transfer(a, b) and Transfer(b, a). The first
// pauses at a gate while it holds its first lock; the second runs until it
// finishes or waits for a lock; then the gate opens. A synctest bubble
// cannot see goroutines blocked on a sync.Mutex, so the test reads the
// goroutine dump instead: both transfers parked in Lock at once, each
// holding what the other wants, is a deadlock.
func TestOppositeTransfers(t *testing.T) {
	a, b := NewAccount(1, 100), NewAccount(2, 100)
	arrived, gate := make(chan struct{}), make(chan struct{})
	var first sync.Once
	bank := &Bank{Pause: func() {
		first.Do(func() {
			close(arrived)
			<-gate
		})
	}}
	done1, done2 := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done1)
		bank.Transfer(a, b, 10)
	}()
	<-arrived // the first transfer holds its first lock
	go func() {
		defer close(done2)
		bank.Transfer(b, a, 20)
	}()
	for len(lockWaiters()) == 0 && !closed(done2) {
		runtime.Gosched()
	}
	close(gate)
	for !closed(done1) || !closed(done2) {
		if stacks := lockWaiters(); len(stacks) == 2 {
			t.Fatalf("deadlock: both transfers wait in sync.Mutex.Lock, each for the account the other holds:\n\n%s", strings.Join(stacks, "\n\n"))
		}
		runtime.Gosched()
	}
	if a.Balance() != 110 || b.Balance() != 90 {
		t.Fatalf("balances a=%d b=%d, want 110 and 90", a.Balance(), b.Balance())
	}
}

func closed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// startTransfer is Transfer as the exercise hands it to you.
func startTransfer(from, to *Account, pause func()) {
	from.mu.Lock()
	defer from.mu.Unlock()
	pause()
	to.mu.Lock()
	defer to.mu.Unlock()
	from.balance -= 1
	to.balance += 1
}

// hangMark is what the child prints when the bubble is stuck and synctest
// has not reported it.
const hangMark = "synctest still waits: both transfers are parked in sync.Mutex.Lock"

// TestSynctestOnMutex runs lesson 03's synctest scenario on startTransfer;
// only TestPrediction runs it, in a child process. A watcher outside the
// bubble ends the child once both transfers are parked in sync.Mutex.Lock.
func TestSynctestOnMutex(t *testing.T) {
	if !lessontest.InChild(t) {
		return
	}
	go func() { // ends the process: not joined
		for len(lockWaiters()) < 2 {
			runtime.Gosched()
		}
		for range 1000 { // give synctest every chance to report
			runtime.Gosched()
		}
		os.Stdout.WriteString(hangMark + "\n")
		os.Exit(0)
	}()
	synctest.Test(t, func(t *testing.T) {
		a, b := NewAccount(1, 100), NewAccount(2, 100)
		gate := make(chan struct{})
		var wg sync.WaitGroup
		wg.Go(func() { startTransfer(a, b, func() { <-gate }) })
		wg.Go(func() { startTransfer(b, a, func() { <-gate }) })
		synctest.Wait() // both transfers hold their first lock, at the gate
		close(gate)
		wg.Wait()
	})
}

var deadlock = regexp.MustCompile(`panic: deadlock: all goroutines in bubble are blocked`)

// TestPrediction runs TestSynctestOnMutex in a child process and checks
// your answer against what synctest did.
func TestPrediction(t *testing.T) {
	out, code := lessontest.Child(t, "TestSynctestOnMutex")
	var did string
	switch {
	case deadlock.MatchString(out):
		did = "deadlock"
	case strings.Contains(out, hangMark):
		did = "hang"
	case code == 0:
		did = "pass"
	default:
		t.Fatalf("the synctest scenario ended in an unexpected way:\n%s", out)
	}
	lessontest.ExpectAnswers(t, prediction, did)
}
