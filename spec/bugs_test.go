package spec_test

// Seeded bugs: each type below is refQueue with one method replaced by a
// copy that has one classic bug, marked "BUG:". The TestTeeth_* tests in
// teeth_test.go show that the checker meant to catch each bug does.

import (
	"context"

	"github.com/pckit/pckit/queue"
)

// ifQueue waits in an if, not a for: a woken popper assumes the queue now
// has an item or is closed, and any wake-up meant for someone else (here,
// the broadcast of another waiter's ending context) makes it return
// ErrClosed on an open queue.
type ifQueue struct{ *refQueue }

func (q ifQueue) Pop(ctx context.Context) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.n == 0 && !q.closed { // BUG: if instead of for: the predicate is not re-checked after Wait
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		q.popW++
		q.wait(ctx, &q.notEmpty)
		q.popW--
	}
	if q.n == 0 {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		return 0, queue.ErrClosed // "woken and still empty: must be closed"
	}
	return q.take(), nil
}

// signalCloseQueue wakes one waiter on Close instead of all of them: the
// other blocked callers sleep on forever.
type signalCloseQueue struct{ *refQueue }

func (q signalCloseQueue) Close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	q.notFull.Signal()  // BUG: Signal where Broadcast is needed
	q.notEmpty.Signal() // BUG: Signal where Broadcast is needed
}

// offByOneQueue treats a queue as full only once it holds more than its
// capacity: it accepts capacity+1 items.
type offByOneQueue struct{ *refQueue }

func (q offByOneQueue) TryPush(v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case q.closed:
		return queue.ErrClosed
	case q.n > q.cap: // BUG: > instead of >=
		return queue.ErrFull
	}
	q.put(v)
	return nil
}

func (q offByOneQueue) Push(ctx context.Context, v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	for !q.closed && q.n > q.cap { // BUG: > instead of >=
		if err := ctx.Err(); err != nil {
			return err
		}
		q.pushW++
		q.wait(ctx, &q.notFull)
		q.pushW--
	}
	if q.closed {
		return queue.ErrClosed
	}
	q.put(v)
	return nil
}

// swallowQueue has the classic pair of cancellation bugs: its context
// callback Signals one waiter instead of broadcasting, so the callback's
// wake-up can land on a waiter other than the cancelled one; and a woken
// popper whose context has ended leaves at once, before re-checking the
// predicate, so a Signal it consumed (meant for "an item is here") is never
// passed on. The item stays queued while another popper sleeps.
type swallowQueue struct{ *refQueue }

func (q swallowQueue) Pop(ctx context.Context) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.n == 0 && !q.closed {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		q.popW++
		stop := context.AfterFunc(ctx, func() {
			q.mu.Lock()
			defer q.mu.Unlock()
			q.notEmpty.Signal() // BUG: Signal wakes some waiter, maybe not this one
		})
		q.notEmpty.Wait()
		stop()
		q.popW--
		if err := ctx.Err(); err != nil {
			return 0, err // BUG: leaves before re-checking the predicate, swallowing the wake-up
		}
	}
	if q.n == 0 {
		return 0, queue.ErrClosed
	}
	return q.take(), nil
}

// loseOnCloseQueue checks closed before items in Pop: once Close has run,
// the items still queued are never popped — lost, though accepted.
type loseOnCloseQueue struct{ *refQueue }

func (q loseOnCloseQueue) Pop(ctx context.Context) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.n == 0 && !q.closed {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		q.popW++
		q.wait(ctx, &q.notEmpty)
		q.popW--
	}
	if q.closed { // BUG: closed beats the items still queued; should be q.n == 0
		return 0, queue.ErrClosed
	}
	return q.take(), nil
}
