// Package exercise is lesson 18's exercise: make a consumer's error and
// panic reach the caller of Consume.
package exercise

import (
	"context"
	"fmt"
	"log"
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
//
// YOUR TURN: today an error is only logged and a panic ends the process.
func Consume(ctx context.Context, q *queue.Queue[int], n int, handle func(int) error) error {
	var wg sync.WaitGroup
	for id := 1; id <= n; id++ {
		wg.Go(func() {
			for {
				v, err := q.Pop(ctx)
				if err != nil {
					return // closed and drained
				}
				if err := handle(v); err != nil {
					log.Printf("consumer %d: item %d: %v", id, v, err)
				}
			}
		})
	}
	wg.Wait()
	return nil
}
