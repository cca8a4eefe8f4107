// Package workers runs producers and consumers over one bounded queue: the
// guide's Producer and Consumer, with a lifecycle, error propagation, panic
// recovery, graceful shutdown and an accounting that proves no item was lost.
//
// A Producer makes items and pushes them; a Consumer pops items and handles
// them. A Group runs a set of each over one Queue. Its shutdown happens in a
// fixed order, modelled in TLA+ in the tla/ folder:
//
//  1. StopProducers: the producers' context is cancelled; a producer that
//     holds an item still pushes it (waiting for room), then returns.
//  2. The group waits for every producer to return.
//  3. CloseQueue: only now is the queue closed, so no push can fail for it.
//  4. Drain: consumers pop until Pop returns queue.ErrClosed, that is until
//     the queue is closed and empty.
//  5. Join: every goroutine of the group has returned.
//
// At the end the Report's Accounting balances:
// initial + produced = consumed + failed + left.
//
// By default the first error aborts the whole group, as in errgroup; with
// Options.CollectAll every worker goes on and every error is returned,
// joined. Each is an *Error naming the worker and the item in hand; a panic
// in a producer's or a consumer's function is recovered into one too, with
// its value and stack, and is handled like any other error.
//
// Workers use only the time package (timers and time.Now) for their delays
// and measurements, so they run unchanged inside a testing/synctest bubble.
package workers

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"
)

// Queue is what a Group needs from a queue. *queue.Queue[T] satisfies it;
// tests and lessons may pass any other implementation of the same contract
// (see the queue package): Push and Pop block and return ctx.Err() when ctx
// ends, Close is graceful and Pop returns queue.ErrClosed once the queue is
// closed and drained.
type Queue[T any] interface {
	Push(ctx context.Context, v T) error
	Pop(ctx context.Context) (T, error)
	Close()
	Len() int
}

// ErrDone is returned by a Producer's Make to say that the producer has
// nothing more to make. It is not an error: the producer returns, and once
// every producer has returned the group shuts down as if Stop were called.
var ErrDone = errors.New("workers: producer done")

// Producer makes items and pushes them onto the group's queue.
//
// In a loop until the group stops, it waits Delay (the time making an item
// takes), calls Make and pushes the item, waiting while the queue is full.
type Producer[T any] struct {
	// ID names the producer in events, errors and the report. IDs must be
	// unique among a group's producers.
	ID int
	// Delay is waited before each item; 0 means no wait. It must not be
	// negative. The wait ends early when the group stops.
	Delay time.Duration
	// Make returns the producer's seq-th item (seq counts from 1). Its ctx
	// ends when the group stops; Make may then return ctx.Err(), which is
	// not reported as an error. Returning ErrDone ends the producer; any
	// other error is reported, and under CollectAll the producer goes on
	// with the next seq. A panic is recovered into an *Error.
	Make func(ctx context.Context, seq int) (T, error)
}

// Consumer pops items from the group's queue and handles them.
//
// In a loop until the queue is closed and drained (or the group aborts), it
// pops an item, waits Delay (the time handling an item takes) and calls
// Handle.
type Consumer[T any] struct {
	// ID names the consumer in events, errors and the report. IDs must be
	// unique among a group's consumers.
	ID int
	// Delay is waited after each pop, before Handle; 0 means no wait. It must
	// not be negative. It is waited during the graceful drain too: only an
	// abort cuts it short (the item is then counted as failed).
	Delay time.Duration
	// Handle handles one item; nil means the item is simply consumed. Its ctx
	// ends only when the group aborts. An error or a panic (recovered into
	// an *Error) counts the item as failed and is reported; under
	// CollectAll the consumer goes on with the next item.
	Handle func(ctx context.Context, v T) error
}

// Role tells a producer from a consumer in errors and in WorkerQueues.
type Role string

// The two roles of a worker.
const (
	RoleProducer Role = "producer"
	RoleConsumer Role = "consumer"
)

// Error is what a worker met, with the worker and the item in hand, if
// any: an error returned by its function or by the queue, or a panic in its
// function (or in Options.OnEvent), recovered.
type Error struct {
	Role     Role
	WorkerID int
	// Item is the item in hand (HasItem is true): for a consumer, the item
	// it was handling, counted as failed in the accounting; for a producer,
	// the item the queue did not accept, counted as dropped.
	Item    any
	HasItem bool
	// Err is the error met; for a panic, the panic's value if it is an
	// error, else nil.
	Err error
	// Panic is, for a panic, the value passed to panic; nil otherwise.
	Panic any
	// Stack is, for a panic, the panicking goroutine's stack, from
	// runtime/debug.Stack.
	Stack []byte
}

func (e *Error) Error() string {
	what := fmt.Sprintf(": %v", e.Err)
	if e.Panic != nil {
		what = fmt.Sprintf(" panicked: %v", e.Panic)
		if e.HasItem {
			what = fmt.Sprintf(" panicked handling item %v: %v", e.Item, e.Panic)
		}
	} else if e.HasItem {
		what = fmt.Sprintf(", item %v: %v", e.Item, e.Err)
	}
	return fmt.Sprintf("workers: %s %d%s", e.Role, e.WorkerID, what)
}

// Unwrap returns Err, so that errors.Is and errors.As see through the
// worker to its error, and through a panic(err) to err.
func (e *Error) Unwrap() error { return e.Err }

// protect calls f and turns a panic in it into an *Error.
func protect(role Role, id int, item any, hasItem bool, f func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			e := &Error{Role: role, WorkerID: id, Item: item, HasItem: hasItem, Panic: v, Stack: debug.Stack()}
			e.Err, _ = v.(error)
			err = e
		}
	}()
	return f()
}

// sleep waits d or until ctx ends, and reports whether it waited all of d.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
