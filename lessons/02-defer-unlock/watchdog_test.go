package deferunlock

import (
	"bytes"
	"fmt"
	"regexp"
	"runtime"
	"testing"
	"time"
)

// finish runs call in a new goroutine and waits until it returns. If the
// goroutine instead parks in sync.Mutex.Lock, finish fails the test with
// the runtime's stack of that goroutine.
//
// Each test calls finish only when no other goroutine is inside the Ledger,
// so with correct code the Lock in call never has to wait. A goroutine
// parked there is waiting for a mutex that nobody will unlock: a deadlock.
// (A testing/synctest bubble cannot show this one: a goroutine blocked on a
// sync.Mutex is not "durably blocked", so synctest never calls it a
// deadlock.)
func finish(t *testing.T, call func()) {
	t.Helper()
	id := make(chan string, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		id <- goroutineID()
		call()
	}()
	g := <-id
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
		if stack := parkedInLock(g); stack != "" {
			t.Fatalf("deadlock: the call never returns; its goroutine waits for a mutex nobody will unlock:\n\n%s", stack)
		}
	}
}

// goroutineID returns the id of the calling goroutine, as stack dumps print
// it.
func goroutineID() string {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	return string(bytes.Fields(buf)[1])
}

// parkedInLock returns the stack of goroutine g if it is parked in
// sync.Mutex.Lock, and "" otherwise.
func parkedInLock(g string) string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	re := regexp.MustCompile(fmt.Sprintf(`(?s)goroutine %s \[sync\.Mutex\.Lock.*?\n\n`, g))
	return string(re.Find(append(buf, '\n', '\n')))
}
