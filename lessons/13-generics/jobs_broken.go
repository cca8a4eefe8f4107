//go:build broken

// Package generics is lesson 13: one queue, one item type. A queue of any
// lets a producer push the wrong type and the consumer find out at run time;
// pckit's generic Queue[T] makes the same mistake a compile error.
package generics

import (
	"context"
	"errors"
	"strings"

	"github.com/pckit/pckit/queue"
)

// Sizes is the queue between the producer and the consumer: job sizes.
//
// BROKEN: its items are any, so nothing stops a producer from pushing a
// value of another type; the consumer's type assertion finds it, by
// panicking.
type Sizes = queue.Queue[any]

// NewSizes returns an empty Sizes queue that holds at most capacity items.
func NewSizes(capacity int) (*Sizes, error) { return queue.New[any](capacity) }

// Produce pushes the size of each job line ("name size") onto q.
func Produce(ctx context.Context, q *Sizes, lines []string) error {
	for _, line := range lines {
		fields := strings.Fields(line)
		if err := q.Push(ctx, fields[1]); err != nil { // BROKEN: a string, not an int
			return err
		}
	}
	return nil
}

// Consume pops sizes until q is closed and drained, and returns their sum.
func Consume(ctx context.Context, q *Sizes) (int, error) {
	total := 0
	for {
		v, err := q.Pop(ctx)
		if errors.Is(err, queue.ErrClosed) {
			return total, nil
		}
		if err != nil {
			return total, err
		}
		total += v.(int) // panics: the item is a string
	}
}
