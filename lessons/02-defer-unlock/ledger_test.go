package deferunlock

import (
	"errors"
	"fmt"
	"testing"
)

// TestEarlyReturn: Add's error path must leave the mutex unlocked, so the
// next Add returns.
func TestEarlyReturn(t *testing.T) {
	l := NewLedger()
	if err := l.Add("", 1); !errors.Is(err, ErrNoID) {
		t.Fatalf("Add with an empty id = %v, want ErrNoID", err)
	}
	finish(t, func() { _ = l.Add("p1", 2) })
	if got := l.Total("p1"); got != 2 {
		t.Fatalf("Total = %d, want 2", got)
	}
}

// TestPanicWhileLocked: a panic inside Apply, recovered by the caller as a
// server recovers a failed request, must leave the mutex unlocked and the
// total unchanged.
func TestPanicWhileLocked(t *testing.T) {
	l := NewLedger()
	_ = l.Add("p1", 1)
	err := serve(func() {
		l.Apply("p1", func(int) int { panic("bad handler") })
	})
	if err == nil {
		t.Fatal("the handler's panic was not recovered")
	}
	finish(t, func() { _ = l.Add("p1", 2) })
	if got := l.Total("p1"); got != 3 {
		t.Fatalf("Total = %d, want 3", got)
	}
}

// TestDoubleLock: Move, which holds the mutex, must not lock it again.
func TestDoubleLock(t *testing.T) {
	l := NewLedger()
	_ = l.Add("a", 5)
	finish(t, func() {
		if err := l.Move("a", "b", 3); err != nil {
			t.Errorf("Move = %v", err)
		}
	})
	if a, b := l.Total("a"), l.Total("b"); a != 2 || b != 3 {
		t.Fatalf("totals a=%d b=%d, want 2 and 3", a, b)
	}
}

// serve runs handle and turns a panic into an error, as a server does so
// that one failed request does not bring the process down.
func serve(handle func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	handle()
	return nil
}
