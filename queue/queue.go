// Package queue is pckit's bounded blocking queue: one mutex and two
// condition variables (notFull, notEmpty) around a ring buffer or a heap.
//
// A Queue is safe for use by any number of goroutines. Every call that may
// block takes a context.Context; Close shuts the queue down gracefully: items
// already queued stay poppable, nothing accepted is ever lost.
//
// The blocking core is modelled in TLA+ in the tla/ folder; the comments name
// the model's actions next to the lines they model.
package queue

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Errors returned by the queue. Compare with errors.Is.
var (
	// ErrClosed is returned by a push after Close, and by a pop once the
	// queue is closed and drained.
	ErrClosed = errors.New("queue: closed")
	// ErrFull is returned by TryPush on a full queue.
	ErrFull = errors.New("queue: full")
	// ErrEmpty is returned by TryPop on an empty queue.
	ErrEmpty = errors.New("queue: empty")
	// ErrCapacity is returned by New, NewPriority and Resize for a capacity
	// below 1. Any capacity above that is accepted: a queue's memory grows
	// with the items it holds, not with its capacity.
	ErrCapacity = errors.New("queue: capacity must be at least 1")
)

// Misuse is a bug in the caller, reported as context reports a nil parent:
// a panic, at the call that is wrong, whether or not that call would wait.
const (
	panicZero      = "queue: use of a Queue not made by New or NewPriority"
	panicNilCtx    = "queue: nil Context"
	panicNotStrict = "queue: less(v, v) is true: NewPriority needs a strict order such as <, not <="
)

// Queue is a bounded blocking FIFO queue of T, or a priority queue when made
// by NewPriority. The zero Queue is not usable: make one with New; every
// method of a zero Queue (or a nil *Queue) panics, saying so.
//
// Rules every method follows:
//   - An operation that need not wait succeeds even if its context is already
//     done; the context is consulted only before waiting.
//   - A call that leaves because its context ended returns ctx.Err() and has
//     changed nothing: it enqueued or consumed no item.
//   - Closed beats full and empty: pushes on a closed queue return ErrClosed;
//     pops on a closed queue drain what is left, then return ErrClosed.
//   - Zero values and nil pointers are ordinary items.
//   - A nil context is a bug: Push, Pop, PushBatch and PopBatch panic on
//     one, before changing anything, whether or not they would wait.
type Queue[T any] struct {
	mu       sync.Mutex
	notFull  sync.Cond // signalled when a slot frees up; pushers wait on it
	notEmpty sync.Cond // signalled when an item arrives; poppers wait on it

	items  store[T]
	cap    int
	closed bool

	// Waiters per condition: a push or pop signals only when someone waits.
	pushWaiters, popWaiters int

	// epoch is when the queue was made: waits are timed as offsets from it,
	// one monotonic clock read each (time.Now reads the wall clock too).
	epoch time.Time

	stats Stats

	trace func(Step[T]) // see Trace; nil when off
}

// New returns an empty FIFO queue that holds at most capacity items.
// It returns ErrCapacity if capacity < 1.
func New[T any](capacity int) (*Queue[T], error) {
	return newQueue[T](capacity, nil)
}

// NewPriority returns an empty priority queue that holds at most capacity
// items. Pop returns the least item by less; items that are equal by less
// come out in the order they were pushed (the queue is stable). Every other
// rule of Queue applies unchanged. It returns ErrCapacity if capacity < 1,
// and an error if less is nil.
//
// less must be a strict weak order, as sort.Interface's Less: < and never
// <=. A push checks less(v, v) for each item v it is given and panics,
// before changing anything, if it is true. An order that is wrong in other
// ways loses no item, but items come out in an unspecified order.
func NewPriority[T any](capacity int, less func(a, b T) bool) (*Queue[T], error) {
	if less == nil {
		return nil, errors.New("queue: NewPriority needs a less function")
	}
	return newQueue(capacity, less)
}

func newQueue[T any](capacity int, less func(a, b T) bool) (*Queue[T], error) {
	if capacity < 1 {
		return nil, ErrCapacity
	}
	q := &Queue[T]{cap: capacity, epoch: time.Now()}
	q.items.init(capacity, less)
	q.notFull.L = &q.mu
	q.notEmpty.L = &q.mu
	q.stats.Cap = capacity
	return q, nil
}

// Push adds v to the queue, waiting while the queue is full.
//
// It returns nil once v is queued; ErrClosed if the queue is closed, whether
// before the call or while it waited (v is then not queued); or ctx.Err() if
// ctx ends while it waits (v is then not queued).
func (q *Queue[T]) Push(ctx context.Context, v T) error {
	q.check(ctx)
	q.items.check(v)
	q.mu.Lock() // TLA+: Lock
	defer q.mu.Unlock()
	q.traceLock(ctx)
	if err := q.awaitRoom(ctx); err != nil {
		return err
	}
	q.put(ctx, "Push", v)
	return nil
}

// TryPush adds v if there is room, without waiting. It returns ErrClosed on
// a closed queue and ErrFull on a full one.
func (q *Queue[T]) TryPush(v T) error {
	q.made()
	q.items.check(v)
	q.mu.Lock() // TLA+: TryPush (one step)
	defer q.mu.Unlock()
	switch {
	case q.closed:
		q.stats.Rejected++
		return q.tryFailed("TryPush", ErrClosed)
	case q.items.len() >= q.cap:
		q.stats.Rejected++
		return q.tryFailed("TryPush", ErrFull)
	}
	q.put(nil, "TryPush", v)
	return nil
}

// PushBatch adds a prefix of vs to the queue as one step, waiting while the
// queue is full, and returns how many items it added.
//
// Once there is room for at least one item it adds as many items of vs as
// fit, in order, all at once, and returns that number n ≥ 1 with a nil error:
// n < len(vs) means the rest did not fit and was not queued (call again with
// vs[n:] to go on). It never waits for more room once it has added any item,
// so a call is never left half done by Close or by its context: it returns
// 0 and ErrClosed or ctx.Err() exactly when Push would, having added nothing.
// An empty vs returns 0 at once (ErrClosed if the queue is closed).
func (q *Queue[T]) PushBatch(ctx context.Context, vs []T) (int, error) {
	q.check(ctx)
	for _, v := range vs {
		q.items.check(v)
	}
	q.mu.Lock() // TLA+: Lock, then PushBatch
	defer q.mu.Unlock()
	q.traceLock(ctx)
	if len(vs) == 0 {
		if q.closed {
			q.stats.Rejected++
			return 0, q.failed(ctx, ErrClosed)
		}
		q.traceItems(ctx, "PushBatch", nil)
		return 0, nil
	}
	if err := q.awaitRoom(ctx); err != nil {
		return 0, err
	}
	n := min(len(vs), q.cap-q.items.len())
	for _, v := range vs[:n] {
		q.items.push(v)
	}
	q.traceItems(ctx, "PushBatch", vs[:n])
	q.pushed(n)
	return n, nil
}

// Pop removes and returns the item at the head of the queue (the least item
// of a priority queue), waiting while the queue is empty.
//
// It returns ErrClosed once the queue is closed and drained, and ctx.Err() if
// ctx ends while it waits (no item is then consumed).
func (q *Queue[T]) Pop(ctx context.Context) (T, error) {
	q.check(ctx)
	q.mu.Lock() // TLA+: Lock
	defer q.mu.Unlock()
	q.traceLock(ctx)
	if err := q.awaitItem(ctx); err != nil {
		var zero T
		return zero, err
	}
	return q.take(ctx, "Pop"), nil
}

// TryPop removes and returns the head item if there is one, without waiting.
// It returns ErrClosed on a closed, drained queue and ErrEmpty on an empty
// queue that is still open.
func (q *Queue[T]) TryPop() (T, error) {
	q.made()
	q.mu.Lock() // TLA+: TryPop (one step)
	defer q.mu.Unlock()
	if q.items.len() == 0 {
		var zero T
		if q.closed {
			return zero, q.tryFailed("TryPop", ErrClosed)
		}
		return zero, q.tryFailed("TryPop", ErrEmpty)
	}
	return q.take(nil, "TryPop"), nil
}

// PopBatch removes up to len(dst) items from the head of the queue as one
// step and stores them in dst in queue order, waiting while the queue is
// empty; its shape is that of io.Reader.Read.
//
// Once at least one item is queued it takes min(len(dst), Len()) items at
// once and returns their number n ≥ 1 with a nil error. It returns 0 and
// ErrClosed once the queue is closed and drained, or 0 and ctx.Err() if ctx
// ends while it waits (no item is then consumed). An empty dst returns 0 at
// once (ErrClosed if the queue is closed and drained).
func (q *Queue[T]) PopBatch(ctx context.Context, dst []T) (int, error) {
	q.check(ctx)
	q.mu.Lock() // TLA+: Lock, then PopBatch
	defer q.mu.Unlock()
	q.traceLock(ctx)
	if len(dst) == 0 {
		if q.closed && q.items.len() == 0 {
			return 0, q.failed(ctx, ErrClosed)
		}
		q.traceItems(ctx, "PopBatch", nil)
		return 0, nil
	}
	if err := q.awaitItem(ctx); err != nil {
		return 0, err
	}
	n := min(len(dst), q.items.len())
	for i := range n {
		dst[i] = q.items.pop()
	}
	q.traceItems(ctx, "PopBatch", dst[:n])
	q.popped(n)
	return n, nil
}

// Close closes the queue and wakes every blocked caller. Blocked and later
// pushes return ErrClosed; pops go on returning queued items until the queue
// is drained, then return ErrClosed. Closing a closed queue does nothing.
func (q *Queue[T]) Close() {
	q.made()
	q.mu.Lock() // TLA+: Close
	defer q.mu.Unlock()
	q.closed = true
	if q.trace != nil {
		q.trace(Step[T]{Action: "Close"})
	}
	q.broadcast(&q.notFull)
	q.broadcast(&q.notEmpty)
}

// Len returns the number of items queued. After a Resize that shrank the
// queue, Len may exceed Cap until consumers catch up.
func (q *Queue[T]) Len() int {
	q.made()
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.items.len()
}

// Cap returns the queue's capacity: pushes wait while Len() >= Cap().
func (q *Queue[T]) Cap() int {
	q.made()
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.cap
}

// Resize sets the queue's capacity. It returns ErrCapacity if capacity < 1.
//
// Growing wakes waiting pushers for the new room. Shrinking below Len keeps
// every queued item: Len stays above Cap, and pushes wait, until consumers
// have popped the queue below the new capacity. Resize works on a closed
// queue too (pushes fail there anyway).
func (q *Queue[T]) Resize(capacity int) error {
	q.made()
	if capacity < 1 {
		return ErrCapacity
	}
	q.mu.Lock() // TLA+: Resize (one step)
	defer q.mu.Unlock()
	if q.trace != nil {
		q.trace(Step[T]{Action: "Resize", N: capacity})
	}
	if capacity > q.cap && q.pushWaiters > 0 {
		q.broadcast(&q.notFull)
	}
	q.cap = capacity
	q.stats.Cap = capacity
	q.items.fit(capacity)
	return nil
}

// Closed reports whether Close has been called.
func (q *Queue[T]) Closed() bool {
	q.made()
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.closed
}

// made panics if q was not made by New or NewPriority. notFull.L is set
// once, by newQueue, before q is shared.
func (q *Queue[T]) made() {
	if q == nil || q.notFull.L == nil {
		panic(panicZero)
	}
}

// check panics if q was not made by New or NewPriority, or ctx is nil.
func (q *Queue[T]) check(ctx context.Context) {
	q.made()
	if ctx == nil {
		panic(panicNilCtx)
	}
}

// awaitRoom waits until there is room for one item, the queue is closed, or
// ctx ends, and returns nil only in the first case. q.mu must be held.
//
// TLA+ (tla/Queue.tla): this loop and the enqueue that follows are the
// action Push (PushBatch); q.wait is StartWait, then Relock.
func (q *Queue[T]) awaitRoom(ctx context.Context) error {
	if !q.closed && q.items.len() >= q.cap {
		waited := time.Duration(-1) // when this call first waited, from q.epoch
		defer q.addWait(&waited, &q.stats.PushWait)
		// The predicate is checked before the context: a woken pusher whose
		// slot is still free takes it, so it never leaves with a wake-up
		// meant for another (tla/QueueLostWakeup.cfg is the other order).
		for !q.closed && q.items.len() >= q.cap {
			if err := ctx.Err(); err != nil {
				q.stats.Rejected++
				return q.failed(ctx, err)
			}
			if waited < 0 {
				q.stats.BlockedPushes++
				waited = time.Since(q.epoch)
			}
			q.pushWaiters++
			q.wait(ctx, &q.notFull)
			q.pushWaiters--
		}
	}
	if q.closed {
		q.stats.Rejected++
		return q.failed(ctx, ErrClosed)
	}
	return nil
}

// awaitItem waits until an item is queued, the queue is closed and drained,
// or ctx ends, and returns nil only in the first case. q.mu must be held.
//
// TLA+ (tla/Queue.tla): this loop and the dequeue that follows are the
// action Pop (PopBatch); q.wait is StartWait, then Relock.
func (q *Queue[T]) awaitItem(ctx context.Context) error {
	if q.items.len() == 0 && !q.closed {
		waited := time.Duration(-1) // when this call first waited, from q.epoch
		defer q.addWait(&waited, &q.stats.PopWait)
		for q.items.len() == 0 && !q.closed { // predicate first, as in awaitRoom
			if err := ctx.Err(); err != nil {
				return q.failed(ctx, err)
			}
			if waited < 0 {
				q.stats.BlockedPops++
				waited = time.Since(q.epoch)
			}
			q.popWaiters++
			q.wait(ctx, &q.notEmpty)
			q.popWaiters--
		}
	}
	if q.items.len() == 0 {
		return q.failed(ctx, ErrClosed)
	}
	return nil
}

// addWait adds the time elapsed since *start (an offset from q.epoch) to
// *total, if the call waited at all (*start is not negative).
func (q *Queue[T]) addWait(start, total *time.Duration) {
	if *start >= 0 {
		*total += time.Since(q.epoch) - *start
	}
}

// wait blocks on c until it is signalled or ctx ends. q.mu must be held;
// like c.Wait it releases q.mu while blocked and holds it again on return.
// Callers re-check their predicate in a for loop.
//
// TLA+: StartWait (c.Wait parks), Relock (c.Wait returns, stop()); CtxEnd
// and CtxCallback are the context ending and the AfterFunc below.
func (q *Queue[T]) wait(ctx context.Context, c *sync.Cond) {
	if q.trace != nil {
		q.trace(Step[T]{Action: "StartWait", Ctx: ctx, Cond: q.condName(c)})
	}
	if ctx.Done() == nil { // context.Background and the like never end
		c.Wait()
		q.traceRelock(ctx, c)
		return
	}
	// A sync.Cond cannot select on ctx.Done(), so when ctx ends a callback
	// broadcasts on c: every waiter of c re-checks its predicate, and only
	// the one whose ctx ended leaves. Broadcast rather than Signal, so that
	// the callback's wake-up cannot land on another waiter and miss the
	// cancelled one.
	stop := context.AfterFunc(ctx, q.wakeAll(ctx, c))
	c.Wait()
	q.traceRelock(ctx, c)
	// If ctx ended meanwhile, stop reports false and the callback runs (or
	// has run) on a goroutine of the context package: it takes q.mu once
	// this call has released it, broadcasts, and ends. A spare Broadcast
	// is harmless, since every waiter re-checks its predicate.
	stop()
}

// wakeAll returns wait's context callback: it broadcasts on c under q.mu.
// Without the lock its Broadcast could come after the waiter armed it and
// before c.Wait parked the waiter, and wake nobody: the waiter would sleep
// forever with its context ended.
//
// TLA+: CtxCallback.
func (q *Queue[T]) wakeAll(ctx context.Context, c *sync.Cond) func() {
	return func() {
		q.mu.Lock()
		defer q.mu.Unlock()
		if q.trace != nil {
			q.trace(Step[T]{Action: "CtxCallback", Ctx: ctx, Cond: q.condName(c)})
		}
		q.broadcast(c)
	}
}

// put enqueues v and wakes one waiting popper; action names the call for
// Trace. q.mu must be held.
// TLA+: Enqueue (n = 1).
func (q *Queue[T]) put(ctx context.Context, action string, v T) {
	q.items.push(v)
	if q.trace != nil {
		q.trace(Step[T]{Action: action, Ctx: ctx, Items: []T{v}})
	}
	q.pushed(1)
}

// take dequeues the head item and wakes one waiting pusher. q.mu must be
// held and the queue non-empty.
//
// TLA+: Dequeue (n = 1).
func (q *Queue[T]) take(ctx context.Context, action string) T {
	v := q.items.pop()
	if q.trace != nil {
		q.trace(Step[T]{Action: action, Ctx: ctx, Items: []T{v}})
	}
	q.popped(1)
	return v
}

// pushed and popped Signal min(n, waiters) times. TLA+: Enqueue, Dequeue.
func (q *Queue[T]) pushed(n int) {
	q.stats.Pushed += uint64(n)
	q.stats.HighWater = max(q.stats.HighWater, q.items.len())
	for range min(n, q.popWaiters) {
		q.signal(&q.notEmpty)
	}
}

func (q *Queue[T]) popped(n int) {
	q.stats.Popped += uint64(n)
	for range min(n, q.pushWaiters) {
		q.signal(&q.notFull)
	}
}
