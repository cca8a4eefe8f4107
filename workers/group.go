package workers

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pckit/pckit/queue"
)

// Errors a Group reports about itself.
var (
	// ErrShutdownTimeout is reported when a graceful shutdown takes longer
	// than Options.ShutdownTimeout; the group then aborts.
	ErrShutdownTimeout = errors.New("workers: graceful shutdown timed out")
	// ErrNoConsumers is reported when every consumer has returned while the
	// queue was still open (each after an error of its own); the group then
	// aborts, since producers could otherwise wait forever for room.
	ErrNoConsumers = errors.New("workers: every consumer stopped before the queue was closed")
)

// WorkerQueues is implemented by a queue that wants to know which worker
// calls it, such as a recorder of histories, which needs each client's calls
// not to overlap. The group then makes every call of a worker through
// ForWorker(role, id), called once per worker by Start: that view is used by
// one goroutine only. The group's own calls (Len, from any goroutine, and
// Close, once, from the goroutine that runs the shutdown) go to the queue
// itself.
type WorkerQueues[T any] interface {
	Queue[T]
	ForWorker(role Role, id int) Queue[T]
}

// Step is one step of a Group's shutdown. tla/Workers.tla models them as
// the actions Stop, CloseQueue (taken once every producer has returned),
// the consumers' Consume until the queue is closed and empty, and Join.
type Step string

// The steps of the shutdown, in the order they happen.
const (
	StepStopProducers Step = "StopProducers" // producers are told to stop
	StepCloseQueue    Step = "CloseQueue"    // every producer has returned; the queue is closed
	StepDrain         Step = "Drain"         // consumers drain what is queued
	StepJoin          Step = "Join"          // every goroutine has returned
)

// Options configure a Group. The zero Options abort on the first error,
// bound no shutdown and report no events.
type Options[T any] struct {
	// CollectAll lets every worker go on after an error: a failed item is
	// counted and the worker takes the next one, and Wait returns every
	// error, joined with errors.Join, in the order they happened. Without
	// it the first error aborts the whole group, as in errgroup: producers
	// stop at once (an item being pushed is dropped), consumers stop
	// popping (an item being handled is failed), the queue is closed with
	// what is left in it, and Wait returns that first error.
	CollectAll bool
	// ShutdownTimeout bounds the graceful shutdown, from the stop to the end
	// of the drain: when it expires the group aborts (ErrShutdownTimeout is
	// reported) and what is still queued is left. 0 means no bound.
	ShutdownTimeout time.Duration
	// OnEvent, if not nil, is called for each Event, synchronously, by the
	// worker's goroutine: it is called concurrently by several workers and
	// must be safe for that, and it holds its worker up while it runs.
	OnEvent func(Event[T])
	// OnStep, if not nil, is called as each step of the shutdown begins
	// (Join: once it is over), with the queue's length at that moment. It
	// is called by the group's shutdown goroutine, in order.
	OnStep func(step Step, queued int)
}

// Group is a running set of producers and consumers over one queue, made
// and started by Start. Stop it (or end Start's context) and Wait for its
// Report. Its methods are safe for concurrent use.
type Group[T any] struct {
	q         Queue[T]
	producers []Producer[T]
	consumers []Consumer[T]
	opts      Options[T]

	pstats, cstats []counters
	pq, cq         []Queue[T] // each worker's view of q (see WorkerQueues)

	// work ends when the group aborts: it is every blocking call's context
	// except the producers' loop. stop ends when the group stops (or
	// aborts, since it derives from work): it is the producers' loop. Both
	// are made by Start before any goroutine; they are fixed once made.
	work   context.Context
	abort  context.CancelCauseFunc
	stop   context.Context
	cancel context.CancelFunc

	start   time.Time
	initial int64 // the queue's length at Start

	producersLeft, consumersLeft atomic.Int64
	producersDone, consumersDone chan struct{}
	sawClosed                    atomic.Bool // a consumer's Pop returned queue.ErrClosed

	workers sync.WaitGroup // every worker goroutine
	done    chan struct{}  // closed when the supervisor has joined everyone

	mu     sync.Mutex
	errs   []error
	report Report // final, once done is closed
}

// Start starts producers and consumers over q and returns their Group. When
// ctx ends the group stops gracefully, as if Stop were called; ctx's values
// are passed on to the workers' functions.
//
// The group needs at least one consumer (a graceful shutdown waits for
// consumers to drain the queue); it may have no producer (the consumers
// then drain what is queued). Start returns an error, and starts nothing,
// if q is nil, opts.ShutdownTimeout is negative or a worker is invalid: a
// nil Make, a negative Delay, or an ID used twice in a role.
func Start[T any](ctx context.Context, q Queue[T], producers []Producer[T], consumers []Consumer[T], opts Options[T]) (*Group[T], error) {
	if err := validate(q, producers, consumers, opts); err != nil {
		return nil, err
	}
	g := &Group[T]{
		q:             q,
		producers:     append([]Producer[T](nil), producers...),
		consumers:     append([]Consumer[T](nil), consumers...),
		opts:          opts,
		pstats:        make([]counters, len(producers)),
		cstats:        make([]counters, len(consumers)),
		producersDone: make(chan struct{}),
		consumersDone: make(chan struct{}),
		done:          make(chan struct{}),
		start:         time.Now(),
		initial:       int64(q.Len()),
	}
	// Carry ctx's values, not its cancellation: ctx ending is a stop.
	g.work, g.abort = context.WithCancelCause(context.WithoutCancel(ctx))
	g.stop, g.cancel = context.WithCancel(g.work)

	g.pq, g.cq = make([]Queue[T], len(producers)), make([]Queue[T], len(consumers))
	wq, perWorker := q.(WorkerQueues[T])
	for i, p := range producers {
		g.pq[i] = q
		if perWorker {
			g.pq[i] = wq.ForWorker(RoleProducer, p.ID)
		}
	}
	for i, c := range consumers {
		g.cq[i] = q
		if perWorker {
			g.cq[i] = wq.ForWorker(RoleConsumer, c.ID)
		}
	}

	g.producersLeft.Store(int64(len(producers)))
	g.consumersLeft.Store(int64(len(consumers)))
	if len(producers) == 0 {
		close(g.producersDone)
		g.cancel() // nothing will come: drain what is queued
	}
	for i := range producers {
		g.workers.Go(func() { g.runProducer(i) })
	}
	for i := range consumers {
		g.workers.Go(func() { g.runConsumer(i) })
	}
	go g.supervise(ctx)
	return g, nil
}

// validate returns why Start must not start these workers, or nil.
func validate[T any](q Queue[T], producers []Producer[T], consumers []Consumer[T], opts Options[T]) error {
	if q == nil {
		return errors.New("workers: nil queue")
	}
	if len(consumers) == 0 {
		return errors.New("workers: a group needs at least one consumer")
	}
	if opts.ShutdownTimeout < 0 {
		return errors.New("workers: negative ShutdownTimeout")
	}
	seen := map[int]bool{}
	for _, p := range producers {
		switch {
		case p.Make == nil:
			return fmt.Errorf("workers: producer %d has no Make function", p.ID)
		case p.Delay < 0:
			return fmt.Errorf("workers: producer %d has a negative delay", p.ID)
		case seen[p.ID]:
			return fmt.Errorf("workers: two producers have ID %d", p.ID)
		}
		seen[p.ID] = true
	}
	clear(seen)
	for _, c := range consumers {
		switch {
		case c.Delay < 0:
			return fmt.Errorf("workers: consumer %d has a negative delay", c.ID)
		case seen[c.ID]:
			return fmt.Errorf("workers: two consumers have ID %d", c.ID)
		}
		seen[c.ID] = true
	}
	return nil
}

// Stop begins the graceful shutdown and returns at once: producers stop, the
// queue is closed once they all have, consumers drain it. Wait returns when
// it is over. Stop may be called any number of times.
func (g *Group[T]) Stop() { g.cancel() }

// Wait waits until the group has shut down and joined every goroutine, and
// returns its Report and its error: the first error, or with
// Options.CollectAll every error joined (nil if there was none). If ctx
// ends first, Wait returns ctx.Err() and an empty Report; the group goes
// on, and Wait may be called again.
func (g *Group[T]) Wait(ctx context.Context) (Report, error) {
	select {
	case <-g.done:
	case <-ctx.Done():
		return Report{}, ctx.Err()
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.report, g.errLocked()
}

func (g *Group[T]) collect(left int64) Report {
	r := Report{
		Producers: make([]WorkerStats, len(g.producers)),
		Consumers: make([]WorkerStats, len(g.consumers)),
	}
	for i, p := range g.producers {
		r.Producers[i] = g.pstats[i].snapshot(p.ID)
		r.ProducerTotal.add(r.Producers[i])
	}
	for i, c := range g.consumers {
		r.Consumers[i] = g.cstats[i].snapshot(c.ID)
		r.ConsumerTotal.add(r.Consumers[i])
	}
	r.Accounting = Accounting{
		Initial:  g.initial,
		Produced: r.ProducerTotal.Items,
		Dropped:  r.ProducerTotal.Failed,
		Consumed: r.ConsumerTotal.Items,
		Failed:   r.ConsumerTotal.Failed,
		Left:     left,
	}
	if sq, ok := g.q.(statsQueue); ok {
		s := sq.Stats()
		r.Queue = &s
	}
	return r
}

func (g *Group[T]) errLocked() error {
	if len(g.errs) == 0 {
		return nil
	}
	if !g.opts.CollectAll {
		return g.errs[0]
	}
	return errors.Join(g.errs...)
}

// supervise runs the shutdown sequence once the group stops, and owns it:
// it is the only goroutine that closes the queue.
func (g *Group[T]) supervise(parent context.Context) {
	defer close(g.done)
	// If parent ends, g.Stop runs on a goroutine of the context package; it
	// only cancels a context and returns, so nothing needs to wait for it.
	stopOnParent := context.AfterFunc(parent, g.Stop)
	defer stopOnParent()

	select {
	case <-g.stop.Done():
	case <-g.consumersDone:
		// Consumers also leave when the group aborts: then stop is done too,
		// and this case may win the select. Blame the consumers only if the
		// group did not abort.
		if !g.sawClosed.Load() && g.work.Err() == nil {
			// Every consumer left on an error of its own while the queue
			// was open: nobody would make room for blocked producers.
			g.record(ErrNoConsumers)
			g.abort(ErrNoConsumers)
		}
		// Otherwise someone else closed the queue: pushes fail by
		// themselves, and the shutdown goes on as usual.
	}

	var deadline <-chan time.Time
	if g.opts.ShutdownTimeout > 0 {
		t := time.NewTimer(g.opts.ShutdownTimeout)
		defer t.Stop()
		deadline = t.C
	}
	g.stopProducers()
	g.waitProducers(deadline)
	g.closeQueue()
	g.drain(deadline)
	g.join()
	g.step(StepJoin)
}

// stopProducers ends the producers' loop. The stop context is already
// cancelled when the supervisor gets here; this names the step.
func (g *Group[T]) stopProducers() {
	// TLA+ (tla/Workers.tla): Stop.
	g.step(StepStopProducers)
	g.Stop()
}

// waitProducers waits until every producer has returned; a producer holding
// an item first pushes it.
func (g *Group[T]) waitProducers(deadline <-chan time.Time) {
	// TLA+: the guard of CloseQueue, every producer has returned.
	g.await(g.producersDone, deadline)
}

// closeQueue closes the queue, only once no producer can push any more:
// closing earlier would make a blocked push fail and drop its item.
func (g *Group[T]) closeQueue() {
	// TLA+: CloseQueue.
	g.q.Close()
	g.step(StepCloseQueue)
}

// drain waits until every consumer has returned: each pops until the queue
// is closed and empty (or the group aborts).
func (g *Group[T]) drain(deadline <-chan time.Time) {
	// TLA+: Consume, until the guard of Join holds.
	g.step(StepDrain)
	g.await(g.consumersDone, deadline)
}

// await waits until done is closed. On the shutdown deadline the group
// aborts, so that the workers' calls give up, and the wait goes on until
// they have.
func (g *Group[T]) await(done <-chan struct{}, deadline <-chan time.Time) {
	select {
	case <-done:
		return
	case <-deadline:
		g.timeout()
	}
	<-done
}

// join waits for every worker goroutine and writes the final report.
func (g *Group[T]) join() {
	// TLA+: Join.
	g.workers.Wait()
	g.mu.Lock()
	defer g.mu.Unlock()
	g.report = g.collect(int64(g.q.Len()))
	g.report.Elapsed = time.Since(g.start)
}

func (g *Group[T]) step(s Step) {
	if g.opts.OnStep != nil {
		g.opts.OnStep(s, g.q.Len())
	}
}

func (g *Group[T]) timeout() {
	g.record(ErrShutdownTimeout)
	g.abort(ErrShutdownTimeout)
}

// record adds err to the group's errors; unless Options.CollectAll, the
// first error aborts the group.
func (g *Group[T]) record(err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.errs = append(g.errs, err)
	if !g.opts.CollectAll && len(g.errs) == 1 {
		g.abort(err)
	}
}

// fail records a worker's error unless it is only the echo of the group's
// own abort or stop, through a context, in one of the worker's calls.
func (g *Group[T]) fail(c *counters, err error, ctx context.Context) {
	if ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.Cause(ctx))) {
		return
	}
	c.errors.Add(1)
	g.record(err)
}

func (g *Group[T]) emit(q Queue[T], e Event[T]) {
	if g.opts.OnEvent == nil {
		return
	}
	e.Len = q.Len()
	g.opts.OnEvent(e)
}

// runProducer is producer i's goroutine.
func (g *Group[T]) runProducer(i int) {
	p, c, q := g.producers[i], &g.pstats[i], g.pq[i]
	defer func() {
		if g.producersLeft.Add(-1) == 0 {
			close(g.producersDone)
			g.Stop() // nothing more will come: shut down
		}
	}()
	work, stop := g.work, g.stop
	for seq := 1; stop.Err() == nil; seq++ {
		if !sleep(stop, p.Delay) {
			return
		}
		var v T
		err := protect(RoleProducer, p.ID, nil, false, func() (err error) {
			v, err = p.Make(stop, seq)
			return err
		})
		switch {
		case errors.Is(err, ErrDone):
			return
		case err != nil:
			if _, ok := err.(*Error); !ok {
				err = &Error{Role: RoleProducer, WorkerID: p.ID, Err: err}
			}
			g.fail(c, err, stop)
			continue
		}

		begin := time.Now()
		err = q.Push(work, v)
		wait := time.Since(begin)
		c.blocked.Add(int64(wait))
		if err != nil {
			// The item was made but not queued: report it, never hide it.
			// The group closes the queue only after every producer has
			// returned, so ErrClosed here means someone else closed it.
			n := c.failed.Add(1)
			g.emitSafe(q, RoleProducer, p.ID, c, Event[T]{Kind: Dropped, WorkerID: p.ID, Item: v, Seq: n, Wait: wait, Err: err})
			g.fail(c, &Error{Role: RoleProducer, WorkerID: p.ID, Item: v, HasItem: true, Err: err}, work)
			return
		}
		n := c.items.Add(1)
		g.emitSafe(q, RoleProducer, p.ID, c, Event[T]{Kind: Produced, WorkerID: p.ID, Item: v, Seq: n, Wait: wait})
	}
}

// runConsumer is consumer i's goroutine.
func (g *Group[T]) runConsumer(i int) {
	cs, c, q := g.consumers[i], &g.cstats[i], g.cq[i]
	defer func() {
		if g.consumersLeft.Add(-1) == 0 {
			close(g.consumersDone)
		}
	}()
	work := g.work
	for work.Err() == nil { // an aborted consumer pops no more
		begin := time.Now()
		v, err := q.Pop(work)
		wait := time.Since(begin)
		c.blocked.Add(int64(wait))
		if err != nil {
			if errors.Is(err, queue.ErrClosed) {
				g.sawClosed.Store(true)
			} else {
				g.fail(c, &Error{Role: RoleConsumer, WorkerID: cs.ID, Err: err}, work)
			}
			return // drained, aborted, or a broken queue
		}

		// From here on the item is in hand: it ends consumed or failed.
		if !sleep(work, cs.Delay) {
			err = context.Cause(work)
		} else if cs.Handle != nil {
			err = protect(RoleConsumer, cs.ID, v, true, func() error { return cs.Handle(work, v) })
		}
		if err != nil {
			n := c.failed.Add(1)
			if _, ok := err.(*Error); !ok {
				err = &Error{Role: RoleConsumer, WorkerID: cs.ID, Item: v, HasItem: true, Err: err}
			}
			g.emitSafe(q, RoleConsumer, cs.ID, c, Event[T]{Kind: Failed, WorkerID: cs.ID, Item: v, Seq: n, Wait: wait, Err: err})
			g.fail(c, err, work)
			continue
		}
		n := c.items.Add(1)
		g.emitSafe(q, RoleConsumer, cs.ID, c, Event[T]{Kind: Consumed, WorkerID: cs.ID, Item: v, Seq: n, Wait: wait})
	}
}

// emitSafe calls OnEvent, recovering a panic in it into a reported
// *Error; the item's fate is already counted.
func (g *Group[T]) emitSafe(q Queue[T], role Role, id int, c *counters, e Event[T]) {
	err := protect(role, id, e.Item, true, func() error { g.emit(q, e); return nil })
	if err != nil {
		c.errors.Add(1)
		g.record(err)
	}
}
