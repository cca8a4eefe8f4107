//go:build !broken

// Package timeoutleak is lesson 05: a goroutine leaked on a send that
// nobody receives, once a select has taken its timeout branch, and the fix
// (a buffered channel).
package timeoutleak

import "context"

// Call runs f in a new goroutine and returns its result, or 0 and ctx.Err()
// if ctx ends first. The goroutine ends when f returns, whether or not Call
// is still waiting for the result.
func Call(ctx context.Context, f func() int) (int, error) {
	ch := make(chan int, 1) // room for the one result: the send never blocks
	// Not joined: it ends when f returns. The buffer stops the leak, not the
	// work; to join it, pass f the context (house rule 3).
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
