package queue

import (
	"context"
	"sync"
)

// Step is one step of the queue's TLA+ model (tla/Queue.tla) as the queue
// takes it, reported to the function given to Trace. Steps are reported
// while the queue's mutex is held, so the order in which the function is
// called is the order in which the steps happened.
//
// Action is the model's name for the step:
//
//	Lock        a Push, Pop, PushBatch or PopBatch call took the mutex
//	StartWait   the call waits on Cond (it joins the cond's notify list)
//	Relock      the wait returned and holds the mutex again
//	Fail        the call returns Err (ErrClosed or its context's error)
//	Push        Push enqueued Items
//	Pop         Pop dequeued Items
//	PushBatch   PushBatch enqueued Items
//	PopBatch    PopBatch dequeued Items
//	TryPush     TryPush enqueued Items, or returns Err
//	TryPop      TryPop dequeued Items, or returns Err
//	Resize      Resize set the capacity to N
//	Close       Close was called (again, if the queue was closed already)
//	CtxCallback the callback of a waiter whose context ended took the mutex
//	Signal      Cond.Signal was called
//	Broadcast   Cond.Broadcast was called
//
// Signal and Broadcast come right after the step that calls them. What the
// queue cannot see is not reported: which waiter a Signal wakes, when a
// context ends, when a woken goroutine runs again.
type Step[T any] struct {
	Action string
	// Ctx is the calling goroutine's context: the context passed to the
	// call, or for CtxCallback the waiter's. It is nil for the calls
	// that take none (TryPush, TryPop, Resize, Close) and for Signal and
	// Broadcast.
	Ctx   context.Context
	Cond  string // "notFull" or "notEmpty", for StartWait, Relock, CtxCallback, Signal, Broadcast
	Items []T    // the items moved, in queue order
	N     int    // Resize's new capacity
	Err   error  // the error returned, for Fail, TryPush and TryPop
}

// Trace makes q report each step it takes to f; a nil f turns reporting
// off. f is called with q's mutex held: it must return quickly and must
// not call q. Tracing costs a nil check per step when it is off.
func (q *Queue[T]) Trace(f func(Step[T])) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.trace = f
}

// condName names c, one of q's two conditions, as Step.Cond does.
func (q *Queue[T]) condName(c *sync.Cond) string {
	if c == &q.notFull {
		return "notFull"
	}
	return "notEmpty"
}

// The helpers below report one step each when tracing; q.mu is held.

func (q *Queue[T]) traceLock(ctx context.Context) {
	if q.trace != nil {
		q.trace(Step[T]{Action: "Lock", Ctx: ctx})
	}
}

func (q *Queue[T]) traceRelock(ctx context.Context, c *sync.Cond) {
	if q.trace != nil {
		q.trace(Step[T]{Action: "Relock", Ctx: ctx, Cond: q.condName(c)})
	}
}

func (q *Queue[T]) traceItems(ctx context.Context, action string, items []T) {
	if q.trace != nil {
		q.trace(Step[T]{Action: action, Ctx: ctx, Items: items})
	}
}

// signal and broadcast wake waiters of c.
func (q *Queue[T]) signal(c *sync.Cond) {
	if q.trace != nil {
		q.trace(Step[T]{Action: "Signal", Cond: q.condName(c)})
	}
	c.Signal()
}

func (q *Queue[T]) broadcast(c *sync.Cond) {
	if q.trace != nil {
		q.trace(Step[T]{Action: "Broadcast", Cond: q.condName(c)})
	}
	c.Broadcast()
}

// failed reports that a call leaves with err, and returns err.
func (q *Queue[T]) failed(ctx context.Context, err error) error {
	if q.trace != nil {
		q.trace(Step[T]{Action: "Fail", Ctx: ctx, Err: err})
	}
	return err
}

// tryFailed reports that TryPush or TryPop returns err, and returns err.
func (q *Queue[T]) tryFailed(action string, err error) error {
	if q.trace != nil {
		q.trace(Step[T]{Action: action, Err: err})
	}
	return err
}
