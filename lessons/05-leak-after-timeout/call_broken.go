//go:build broken

package timeoutleak

import "context"

// Call runs f in a new goroutine and returns its result, or 0 and ctx.Err()
// if ctx ends first.
//
// BROKEN: ch is unbuffered, so the goroutine's send waits for a receiver.
// Once Call has returned through ctx.Done(), there is none: the goroutine
// blocks on the send forever.
func Call(ctx context.Context, f func() int) (int, error) {
	ch := make(chan int)
	go func() {
		ch <- f()
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
