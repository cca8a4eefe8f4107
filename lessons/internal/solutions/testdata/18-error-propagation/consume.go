// Package exercise is lesson 18's exercise: make a consumer's error and
// panic reach the caller of Consume.
package exercise

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/pckit/pckit/queue"
)

// ItemError is what went wrong with one item: the consumer that handled it,
// the item, and the handler's error (or, for a panic, an error that says
// "panic: " and the panic's value).
type ItemError struct {
	Consumer, Item int
	Err            error
}

func (e *ItemError) Error() string {
	return fmt.Sprintf("consumer %d: item %d: %v", e.Consumer, e.Item, e.Err)
}

func (e *ItemError) Unwrap() error { return e.Err }

// Consume runs n consumers, with IDs 1 to n, that pop items from q and call
// handle on each, until q is closed and drained. It returns nil if every
// item was handled, else every failure, each an *ItemError, joined with
// errors.Join.
func Consume(ctx context.Context, q *queue.Queue[int], n int, handle func(int) error) error {
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		failures []error
	)
	record := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		failures = append(failures, err)
	}
	for id := 1; id <= n; id++ {
		wg.Go(func() {
			for {
				v, err := q.Pop(ctx)
				if err != nil {
					return // closed and drained
				}
				if err := call(handle, v); err != nil {
					record(&ItemError{Consumer: id, Item: v, Err: err})
				}
			}
		})
	}
	wg.Wait()
	return errors.Join(failures...)
}

// call calls handle(v) and turns a panic into its error: the deferred
// recover runs in the consumer's own goroutine, the only place it can.
func call(handle func(int) error, v int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return handle(v)
}
