package trace

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/workers"
)

// run is one recorded run of a queue of ints: its goroutines are the
// model's producers (which push their items and return at the first
// error) and consumers (which pop until an error), as in tla/Queue.tla.
type run struct {
	log     Log
	q       *queue.Queue[int]
	rec     *Recorder
	wg      sync.WaitGroup
	cancels []context.CancelFunc
}

func newRun(name string, capacity int) (*run, error) {
	q, err := queue.New[int](capacity)
	if err != nil {
		return nil, err
	}
	r := &run{log: Log{Name: name, Cap: capacity}, q: q, rec: NewRecorder()}
	q.Trace(r.rec.Step)
	return r, nil
}

// ctx returns the context of goroutine name. One that can end is
// cancelled by the returned function, or by itself after timeout (a
// broken queue may strand its goroutine: the run still ends).
func (r *run) ctx(name string, canEnd bool, timeout time.Duration) (context.Context, context.CancelFunc) {
	ctx := WithProc(context.Background(), name)
	if !canEnd {
		return ctx, func() {}
	}
	r.log.Cancellable = append(r.log.Cancellable, name)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	r.cancels = append(r.cancels, cancel)
	return ctx, cancel
}

// producer starts goroutine name pushing items.
func (r *run) producer(name string, ctx context.Context, items ...int) {
	r.log.Producers = append(r.log.Producers, name)
	r.log.Items = max(r.log.Items, len(items))
	r.wg.Go(func() { r.produce(name, ctx, items) })
}

// produce pushes items until an error: in one batch call after another
// if name is in Batch, else one by one, each tried first with TryPush if
// name is in NonBlocking.
func (r *run) produce(name string, ctx context.Context, items []int) {
	if slices.Contains(r.log.Batch, name) {
		for rest := items; len(rest) > 0; {
			n, err := r.q.PushBatch(ctx, rest)
			if err != nil {
				return
			}
			rest = rest[n:]
		}
		return
	}
	try := slices.Contains(r.log.NonBlocking, name)
	for _, v := range items {
		err := queue.ErrFull
		if try {
			err = r.q.TryPush(v)
		}
		if errors.Is(err, queue.ErrFull) {
			err = r.q.Push(ctx, v)
		}
		if err != nil {
			return
		}
	}
}

// consumer starts goroutine name popping until an error, or at most
// limit times (a broken queue may pop for ever): BatchLen items a call if
// name is in Batch, else one, tried first with TryPop if name is in
// NonBlocking.
func (r *run) consumer(name string, ctx context.Context, limit int) {
	r.log.Consumers = append(r.log.Consumers, name)
	batch := slices.Contains(r.log.Batch, name)
	try := slices.Contains(r.log.NonBlocking, name)
	buf := make([]int, max(r.log.BatchLen, 1))
	r.wg.Go(func() {
		for range limit {
			var err error
			switch {
			case batch:
				_, err = r.q.PopBatch(ctx, buf)
			case try:
				if _, err = r.q.TryPop(); errors.Is(err, queue.ErrEmpty) {
					_, err = r.q.Pop(ctx)
				}
			default:
				_, err = r.q.Pop(ctx)
			}
			if err != nil {
				return
			}
		}
	})
}

// blocked returns once pushes push calls and pops pop calls have waited.
func (r *run) blocked(pushes, pops uint64) {
	r.until(func() bool {
		s := r.q.Stats()
		return s.BlockedPushes >= pushes && s.BlockedPops >= pops
	})
}

// await returns once a record satisfying ok has been recorded.
func (r *run) await(ok func(Record) bool) {
	r.until(func() bool { return slices.ContainsFunc(r.rec.Records(), ok) })
}

// until paces a scenario: it returns once cond holds, or after two
// seconds (a broken queue may never get there; the log then shows why).
func (r *run) until(cond func() bool) {
	for start := time.Now(); !cond() && time.Since(start) < 2*time.Second; {
		time.Sleep(20 * time.Microsecond)
	}
}

// end waits for every goroutine and returns the log.
func (r *run) end() Log {
	r.wg.Wait()
	for _, cancel := range r.cancels {
		cancel()
	}
	r.log.Records = r.rec.Records()
	sort.Strings(r.log.Cancellable)
	return r.log
}

// RunQueue runs the real queue once, recording it, and returns the log.
// The seed picks the shape: capacity 1 to 3, 2 to 4 producers and 2 to 4
// consumers, at most 4 items in all, which goroutines (at most two) have
// a context that a deadline or a cancel ends, whether p1 and c1 try
// first (TryPush, TryPop), whether p2 and c2 move batches (PushBatch,
// PopBatch), whether the owner resizes the queue (to one or two of 1..4)
// and when it closes it (racing the calls, or once the producers are
// done). Producer i pushes the items 100*i+1, 100*i+2, ...
func RunQueue(seed uint64) (Log, error) {
	const maxCancellable = 2 // each doubles the states a check may explore
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	nProducers, nConsumers := 2+rng.IntN(3), 2+rng.IntN(3)
	items := 1 + rng.IntN(4/nProducers)
	r, err := newRun(fmt.Sprintf("queue-%d", seed), 1+rng.IntN(3))
	if err != nil {
		return Log{}, err
	}
	ctxFor := func(name string) context.Context {
		end := rng.IntN(4)
		if len(r.log.Cancellable) == maxCancellable || end > 1 {
			ctx, _ := r.ctx(name, false, 0)
			return ctx
		}
		ctx, cancel := r.ctx(name, true, time.Duration(rng.IntN(300))*time.Microsecond)
		if end == 1 { // cancelled by another goroutine rather than a deadline
			after := time.Duration(rng.IntN(300)) * time.Microsecond
			r.wg.Go(func() { time.Sleep(after); cancel() })
		}
		return ctx
	}
	// p1 and c1 may try first (TryPush, TryPop), p2 and c2 may move
	// batches (PushBatch, PopBatch of 2), the owner may resize.
	if rng.IntN(2) == 0 {
		r.log.NonBlocking = []string{"p1", "c1"}
	}
	if rng.IntN(2) == 0 {
		r.log.Batch, r.log.BatchLen = []string{"p2", "c2"}, 2
	}
	var resizes []int
	if rng.IntN(2) == 0 {
		resizes = rng.Perm(4)[:1+rng.IntN(2)]
	}
	var producers sync.WaitGroup
	for i := range nProducers {
		name := fmt.Sprintf("p%d", i+1)
		r.log.Producers = append(r.log.Producers, name)
		ctx := ctxFor(name)
		vs := make([]int, items)
		for j := range vs {
			vs[j] = 100*(i+1) + j + 1
		}
		producers.Go(func() { r.produce(name, ctx, vs) })
	}
	r.log.Items = items
	for i := range nConsumers {
		name := fmt.Sprintf("c%d", i+1)
		r.consumer(name, ctxFor(name), nProducers*items+1)
	}
	closeAfter := time.Duration(rng.IntN(400)) * time.Microsecond
	racing := rng.IntN(2) == 0
	r.wg.Go(func() {
		for _, n := range resizes {
			time.Sleep(closeAfter / 4)
			_ = r.q.Resize(n + 1)
		}
		if racing {
			time.Sleep(closeAfter)
		} else {
			producers.Wait()
		}
		r.q.Close()
	})
	producers.Wait()
	return r.end(), nil
}

// Scenarios are small runs of the queue, each built to take one wake-up
// the model is precise about; each has a seeded bug of queue.go that its
// log exposes (see the tests).
var Scenarios = map[string]func() (Log, error){
	// Three consumers wait on an empty queue; Close must wake them all.
	"close-wakes-all": func() (Log, error) {
		r, err := newRun("close-wakes-all", 1)
		if err != nil {
			return Log{}, err
		}
		for _, c := range []string{"c1", "c2", "c3"} {
			ctx, _ := r.ctx(c, true, time.Second)
			r.consumer(c, ctx, 2)
		}
		r.blocked(0, 3)
		r.q.Close()
		return r.end(), nil
	},
	// Two consumers wait; c1's context is cancelled, its callback wakes
	// both; c2 must wait again, and gets p1's item.
	"cancel-wakes-waiters": func() (Log, error) {
		r, err := newRun("cancel-wakes-waiters", 1)
		if err != nil {
			return Log{}, err
		}
		ctx1, cancel1 := r.ctx("c1", true, time.Second)
		ctx2, _ := r.ctx("c2", true, time.Second)
		r.consumer("c1", ctx1, 3)
		r.blocked(0, 1)
		r.consumer("c2", ctx2, 3)
		r.blocked(0, 2)
		cancel1()
		// Once c1's callback has run, c1 has returned and c2 waits again
		// (or has returned), p1 pushes one item.
		r.until(func() bool {
			recs := r.rec.Records()
			i := slices.IndexFunc(recs, func(x Record) bool { return x.Op == "CtxCallback" })
			return i >= 0 &&
				slices.ContainsFunc(recs[i:], func(x Record) bool { return x.P == "c1" && x.Op == "Fail" }) &&
				slices.ContainsFunc(recs[i:], func(x Record) bool { return x.P == "c2" && (x.Op == "StartWait" || x.Op == "Fail") })
		})
		ctx, _ := r.ctx("p1", false, 0)
		r.producer("p1", ctx, 101)
		r.await(func(rec Record) bool { return rec.Op == "Pop" })
		r.q.Close()
		return r.end(), nil
	},
	// A consumer whose context has already ended pops a queued item: an
	// op that need not wait succeeds; its next Pop fails.
	"done-ctx-takes-item": func() (Log, error) {
		r, err := newRun("done-ctx-takes-item", 1)
		if err != nil {
			return Log{}, err
		}
		pctx, _ := r.ctx("p1", false, 0)
		r.producer("p1", pctx, 1)
		r.await(func(rec Record) bool { return rec.Op == "Push" })
		ctx, cancel := r.ctx("c1", true, time.Second)
		cancel()
		r.consumer("c1", ctx, 2)
		r.wg.Wait()
		r.q.Close()
		return r.end(), nil
	},
	// A group stopped while its producers still make items: they push
	// what they hold, return, and only then is the queue closed. Its log
	// is the group's (tla/Workers.tla).
	"group-stop": func() (Log, error) {
		_, groupLog, _, err := runGroup("group-stop", 1, 2, 5, 1, groupStopWaiting)
		return groupLog, err
	},
	// Two consumers wait; one PushBatch of two items must wake both.
	"batch-wakes-poppers": func() (Log, error) {
		r, err := newRun("batch-wakes-poppers", 2)
		if err != nil {
			return Log{}, err
		}
		r.log.Batch, r.log.BatchLen = []string{"p1"}, 1
		for _, c := range []string{"c1", "c2"} {
			ctx, _ := r.ctx(c, true, time.Second)
			r.consumer(c, ctx, 3)
		}
		r.blocked(0, 2)
		ctx, _ := r.ctx("p1", false, 0)
		r.producer("p1", ctx, 101, 102)
		r.until(func() bool { return r.q.Stats().Popped == 2 })
		r.q.Close()
		return r.end(), nil
	},
	// Capacity 1: p2 waits for room; c1's Pop must wake it.
	"pop-wakes-pusher": func() (Log, error) {
		r, err := newRun("pop-wakes-pusher", 1)
		if err != nil {
			return Log{}, err
		}
		ctx1, _ := r.ctx("p1", true, time.Second)
		ctx2, _ := r.ctx("p2", true, time.Second)
		r.producer("p1", ctx1, 101)
		r.await(func(rec Record) bool { return rec.Op == "Push" })
		r.producer("p2", ctx2, 201)
		r.blocked(1, 0)
		cctx, _ := r.ctx("c1", true, time.Second)
		r.consumer("c1", cctx, 3)
		r.await(func(rec Record) bool { return rec.Op == "Pop" })
		r.q.Close()
		return r.end(), nil
	},
}

// workerQueue gives a workers.Group one view of the queue per worker, so
// that each worker's calls carry its name (see workers.WorkerQueues).
type workerQueue struct{ *queue.Queue[int] }

type workerView struct {
	*queue.Queue[int]
	name string
}

func (w workerQueue) ForWorker(role workers.Role, id int) workers.Queue[int] {
	name := fmt.Sprintf("c%d", id)
	if role == workers.RoleProducer {
		name = fmt.Sprintf("p%d", id)
	}
	return workerView{w.Queue, name}
}

func (v workerView) Push(ctx context.Context, x int) error {
	return v.Queue.Push(WithProc(ctx, v.name), x)
}

func (v workerView) Pop(ctx context.Context) (int, error) {
	return v.Queue.Pop(WithProc(ctx, v.name))
}

// RunGroup runs a workers.Group over the real queue once, recording both,
// and returns the queue's log (for tla/Queue.tla) and, when the shutdown
// was graceful, the group's log (for tla/Workers.tla, which has no abort;
// aborted is then true and the group's log empty). The seed picks
// capacity 1 to 3, 2 or 3 producers of 1 or 2 items each, 2 or 3
// consumers, and how the group ends: its producers run out, Stop comes
// while they produce, or a consumer's error aborts it.
func RunGroup(seed uint64) (queueLog, groupLog Log, aborted bool, err error) {
	rng := rand.New(rand.NewPCG(seed, 0x2545f4914f6cdd1d))
	end := []groupEnd{groupRunsOut, groupStop, groupAbort}[rng.IntN(3)]
	queueLog, groupLog, waitErr, err := runGroup(fmt.Sprintf("group-%d", seed), 1+rng.IntN(3), 2+rng.IntN(2), 1+rng.IntN(2), 2+rng.IntN(2), end)
	if err == nil && (waitErr != nil) != (end == groupAbort) {
		err = fmt.Errorf("%s: Wait returned %v", queueLog.Name, waitErr)
	}
	return queueLog, groupLog, end == groupAbort, err
}

// How a recorded group run ends.
type groupEnd int

const (
	groupRunsOut     groupEnd = iota // its producers run out of items
	groupStop                        // Stop, while producers may still make items
	groupStopWaiting                 // Stop, once a producer waits for room
	groupAbort                       // every consumer fails its first item
)

// runGroup runs one group and returns its logs and what its Wait returned.
func runGroup(name string, capacity, nProducers, items, nConsumers int, end groupEnd) (queueLog, groupLog Log, waitErr, err error) {
	r, err := newRun(name, capacity)
	if err != nil {
		return Log{}, Log{}, nil, err
	}
	r.log.Items = items
	var producers []workers.Producer[int]
	for i := range nProducers {
		id := i + 1
		r.log.Producers = append(r.log.Producers, fmt.Sprintf("p%d", id))
		producers = append(producers, workers.Producer[int]{ID: id, Make: func(_ context.Context, seq int) (int, error) {
			if seq > items {
				return 0, workers.ErrDone
			}
			return 100*id + seq, nil
		}})
	}
	aborted := end == groupAbort
	gate, handling := make(chan struct{}), make(chan struct{}, 1)
	var consumers []workers.Consumer[int]
	for i := range nConsumers {
		id := i + 1
		r.log.Consumers = append(r.log.Consumers, fmt.Sprintf("c%d", id))
		c := workers.Consumer[int]{ID: id}
		if end == groupStopWaiting { // consumers hold their item: producers wait for room
			c.Handle = func(ctx context.Context, _ int) error {
				select {
				case handling <- struct{}{}:
				default:
				}
				select {
				case <-gate:
				case <-ctx.Done():
				}
				return nil
			}
		}
		if aborted { // the first item handled aborts the group
			c.Handle = func(context.Context, int) error { return errors.New("item refused") }
		}
		consumers = append(consumers, c)
	}
	if aborted { // the abort ends the context of every queue call
		r.log.Cancellable = append(append([]string(nil), r.log.Producers...), r.log.Consumers...)
	}
	g, err := workers.Start(context.Background(), workers.Queue[int](workerQueue{r.q}), producers, consumers, workers.Options[int]{
		OnStep: func(s workers.Step, _ int) { r.rec.add(Record{Op: string(s)}) },
	})
	if err != nil {
		return Log{}, Log{}, nil, err
	}
	if end == groupStop {
		r.await(func(rec Record) bool { return rec.Op == "Push" })
		g.Stop()
	}
	if end == groupStopWaiting {
		// Once the consumer holds an item, the queue fills and a producer
		// waits for room until the gate opens.
		<-handling
		r.until(func() bool { // some producer's last step is StartWait
			recs := r.rec.Records()
			for _, p := range r.log.Producers {
				for i := len(recs) - 1; i >= 0; i-- {
					if recs[i].P == p {
						if recs[i].Op == "StartWait" {
							return true
						}
						break
					}
				}
			}
			return false
		})
		g.Stop()
		// The queue must stay full until the producers have returned: the
		// group closes it only then, however long that takes.
		for start := time.Now(); time.Since(start) < 200*time.Millisecond; {
			if slices.ContainsFunc(r.rec.Records(), func(x Record) bool { return x.Op == "Close" }) {
				break
			}
			time.Sleep(time.Millisecond)
		}
	}
	close(gate)
	_, waitErr = g.Wait(context.Background())
	all := r.end()
	queueLog, groupLog = all, all
	queueLog.Records, groupLog.Records = nil, nil
	groupLog.Name += "-workers"
	groupLog.Model, groupLog.Cancellable = WorkersModel, nil
	for _, rec := range all.Records {
		switch op := workers.Step(rec.Op); {
		case op == workers.StepStopProducers:
			groupLog.Records = append(groupLog.Records, Record{Op: "Stop"})
		case op == workers.StepJoin:
			groupLog.Records = append(groupLog.Records, Record{Op: "Join"})
		case op == workers.StepCloseQueue || op == workers.StepDrain:
			// reports of steps logged by the queue, or of no model step
		default:
			queueLog.Records = append(queueLog.Records, rec)
			if g, ok := groupStep(rec); ok {
				groupLog.Records = append(groupLog.Records, g)
			}
		}
	}
	if aborted {
		groupLog = Log{}
	}
	return queueLog, groupLog, waitErr, nil
}

// groupStep returns the step of tla/Workers.tla that a queue record is,
// if it is one.
func groupStep(rec Record) (Record, bool) {
	switch {
	case rec.Op == "Push":
		return Record{Op: "Produce", P: rec.P, Ts: rec.Ts}, true
	case rec.Op == "Pop":
		return Record{Op: "Consume", P: rec.P, Ts: rec.Ts}, true
	case rec.Op == "Fail" && rec.Err == "closed" && strings.HasPrefix(rec.P, "c"):
		return Record{Op: "Consume", P: rec.P, Ts: []int{}}, true
	case rec.Op == "Fail" && rec.Err == "closed" && strings.HasPrefix(rec.P, "p"):
		// A push refused: the model says it never happens.
		return Record{Op: "Produce", P: rec.P, Err: rec.Err}, true
	case rec.Op == "Close":
		return Record{Op: "CloseQueue"}, true
	}
	return Record{}, false
}
