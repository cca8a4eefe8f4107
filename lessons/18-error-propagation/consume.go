//go:build !broken

// Package errprop is lesson 18: a consumer's error or panic must reach the
// caller, carrying the worker and the item, instead of being logged and lost
// or taking the whole process down.
package errprop

import (
	"context"

	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/workers"
)

// Consume runs n consumers, with IDs 1 to n, that pop items from q and call
// handle on each, until q is closed and drained. It returns what went wrong:
// the first error, after which no more items are popped, or with
// collectAll every error, joined. Each error is a *workers.Error naming the
// consumer and the item; for a panic in handle, it also holds the panic's
// value and stack.
func Consume(ctx context.Context, q *queue.Queue[int], n int, collectAll bool, handle func(context.Context, int) error) error {
	consumers := make([]workers.Consumer[int], n)
	for i := range consumers {
		consumers[i] = workers.Consumer[int]{ID: i + 1, Handle: handle}
	}
	g, err := workers.Start(ctx, q, nil, consumers, workers.Options[int]{CollectAll: collectAll})
	if err != nil {
		return err
	}
	_, err = g.Wait(context.WithoutCancel(ctx)) // ctx ending stops the group: wait for its end
	return err
}
