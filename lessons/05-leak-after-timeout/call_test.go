package timeoutleak

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// TestCallResult: when f returns in time, Call returns its result.
func TestCallResult(t *testing.T) {
	defer goleak.VerifyNone(t)
	v, err := Call(context.Background(), func() int { return 42 })
	if v != 42 || err != nil {
		t.Fatalf("Call = %d, %v; want 42, nil", v, err)
	}
}

// TestCallTimeout: f cannot return before the test releases it, which the
// test does only after Call has returned, so the timeout branch always wins.
// After that f returns, and its goroutine must end: goleak fails the test
// if it is still there, and names where it is stuck.
func TestCallTimeout(t *testing.T) {
	defer goleak.VerifyNone(t)
	release := make(chan struct{})
	defer close(release) // runs before VerifyNone: f returns, then its goroutine must end

	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	v, err := Call(ctx, func() int {
		<-release
		return 42
	})
	if v != 0 || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Call = %d, %v; want 0, context.DeadlineExceeded", v, err)
	}
}
