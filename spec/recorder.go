package spec

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/anishathalye/porcupine"
)

// Queue is the method set of *queue.Queue[int] that the specification
// covers. The recorder and the state machine work on any Queue, so tests can
// check deliberately broken queues with the same tools.
type Queue interface {
	Push(ctx context.Context, v int) error
	Pop(ctx context.Context) (int, error)
	TryPush(v int) error
	TryPop() (int, error)
	PushBatch(ctx context.Context, vs []int) (int, error)
	PopBatch(ctx context.Context, dst []int) (int, error)
	Close()
	Len() int
	Cap() int
	Resize(capacity int) error
	Closed() bool
}

// Recorder wraps a Queue and records every call made through its clients as
// a porcupine.Operation: the call's Input, its Output, and its invocation
// and response times on one logical clock shared by all clients.
//
// The recorder tags every item pushed through it, each element of a batch
// too, with a unique id: the queue holds ids 1, 2, 3, ... in the order the
// pushes were invoked, the history records ids, and each Client hands its
// caller back the item that was pushed under the id popped. So each popped
// value in a history names the one push it came from, which is what lets
// Check decide long histories; a queue that invents an item shows a value
// that is no id. (A priority queue's less therefore orders ids.)
//
// Make one with NewRecorder on a new, empty queue, hand each goroutine its
// own Client, and, once every client is done, check History with Check
// against the Spec the queue was made with. A Recorder is safe for
// concurrent use.
type Recorder struct {
	q     Queue
	clock atomic.Int64 // the logical clock: each call and return ticks it

	mu      sync.Mutex
	clients map[int]*Client
	items   []int // items[id-1] is the item pushed under id
}

// NewRecorder returns a recorder of calls to q.
func NewRecorder(q Queue) *Recorder {
	return &Recorder{q: q, clients: make(map[int]*Client)}
}

// Client returns the handle through which client id (0, 1, 2, ...) calls
// the queue; the same id gives the same handle. A client's calls must not
// overlap: use each Client from one goroutine at a time.
func (r *Recorder) Client(id int) *Client {
	r.mu.Lock()
	defer r.mu.Unlock()
	c, ok := r.clients[id]
	if !ok {
		c = &Client{r: r, id: id}
		r.clients[id] = c
	}
	return c
}

// History returns the calls that have returned, ordered by invocation time.
// Calls still in progress are left out (see Pending): call History once
// every client is done.
func (r *Recorder) History() []porcupine.Operation {
	var ops []porcupine.Operation
	for _, c := range r.clientList() {
		ops = append(ops, c.done()...)
	}
	slices.SortFunc(ops, byCall)
	return ops
}

// Pending returns the calls that have been invoked and have not returned,
// with their Input, ClientId and Call time. A call still pending once every
// other goroutine is idle is a goroutine the queue never woke.
func (r *Recorder) Pending() []porcupine.Operation {
	var ops []porcupine.Operation
	for _, c := range r.clientList() {
		if op, ok := c.inFlight(); ok {
			ops = append(ops, op)
		}
	}
	slices.SortFunc(ops, byCall)
	return ops
}

// tag gives each item of a push a new id, remembering the item, and
// returns the call with ids for items.
func (r *Recorder) tag(in Input) Input {
	r.mu.Lock()
	defer r.mu.Unlock()
	id := func(v int) int {
		r.items = append(r.items, v)
		return len(r.items)
	}
	switch in.Op {
	case Push, TryPush:
		in.Value = id(in.Value)
	case PushBatch:
		ids := make([]int, len(in.Values))
		for i, v := range in.Values {
			ids[i] = id(v)
		}
		in.Values = ids
	}
	return in
}

// untag replaces ids by the items pushed under them, in place; a value
// that is no id (an item the queue invented) is left as it is.
func (r *Recorder) untag(ids []int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, id := range ids {
		if id >= 1 && id <= len(r.items) {
			ids[i] = r.items[id-1]
		}
	}
}

// item returns the item pushed under id (see untag).
func (r *Recorder) item(id int) int {
	ids := []int{id}
	r.untag(ids)
	return ids[0]
}

func byCall(a, b porcupine.Operation) int { return cmp.Compare(a.Call, b.Call) }

func (r *Recorder) clientList() []*Client {
	r.mu.Lock()
	defer r.mu.Unlock()
	cs := make([]*Client, 0, len(r.clients))
	for _, c := range r.clients {
		cs = append(cs, c)
	}
	return cs
}

// Client is one client's handle on a recorded queue. It is itself a Queue:
// each method calls the same method of the recorded queue and records the
// call.
type Client struct {
	r  *Recorder
	id int

	mu      sync.Mutex // guards what follows; the owner and History/Pending contend only briefly
	ops     []porcupine.Operation
	pending *porcupine.Operation
}

var _ Queue = (*Client)(nil)

// call records in, runs f, and records its output.
func (c *Client) call(in Input, f func() Output) Output {
	op := c.begin(in)
	out := f()
	c.end(op, out)
	return out
}

// begin stamps the call's invocation and marks it pending.
func (c *Client) begin(in Input) *porcupine.Operation {
	c.mu.Lock()
	defer c.mu.Unlock()
	op := &porcupine.Operation{ClientId: c.id, Input: in, Call: c.r.clock.Add(1)}
	c.pending = op
	return op
}

// end stamps the call's response and moves it from pending to the history.
func (c *Client) end(op *porcupine.Operation, out Output) {
	c.mu.Lock()
	defer c.mu.Unlock()
	op.Return = c.r.clock.Add(1)
	op.Output = out
	c.pending = nil
	c.ops = append(c.ops, *op)
}

func (c *Client) done() []porcupine.Operation {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.ops)
}

func (c *Client) inFlight() (porcupine.Operation, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pending == nil {
		return porcupine.Operation{}, false
	}
	return *c.pending, true
}

// result turns an error into an Output.
func result(err error) Output {
	o := Output{Outcome: outcomeOf(err)}
	if o.Outcome == Unexpected {
		o.Err = err.Error()
	}
	return o
}

// Push calls Push on the recorded queue.
func (c *Client) Push(ctx context.Context, v int) (err error) {
	in := c.r.tag(Input{Op: Push, Value: v})
	c.call(in, func() Output {
		err = c.r.q.Push(ctx, in.Value)
		return result(err)
	})
	return err
}

// TryPush calls TryPush on the recorded queue.
func (c *Client) TryPush(v int) (err error) {
	in := c.r.tag(Input{Op: TryPush, Value: v})
	c.call(in, func() Output {
		err = c.r.q.TryPush(in.Value)
		return result(err)
	})
	return err
}

// Pop calls Pop on the recorded queue.
func (c *Client) Pop(ctx context.Context) (v int, err error) {
	c.call(Input{Op: Pop}, func() Output {
		v, err = c.r.q.Pop(ctx)
		return popResult(v, err)
	})
	v = c.r.item(v)
	return v, err
}

// TryPop calls TryPop on the recorded queue.
func (c *Client) TryPop() (v int, err error) {
	c.call(Input{Op: TryPop}, func() Output {
		v, err = c.r.q.TryPop()
		return popResult(v, err)
	})
	v = c.r.item(v)
	return v, err
}

// popResult records the item only when there is one: the item returned
// with an error is not part of the contract.
func popResult(v int, err error) Output {
	o := result(err)
	if err == nil {
		o.Value = v
	}
	return o
}

// PushBatch calls PushBatch on the recorded queue with an id for each
// item of vs.
func (c *Client) PushBatch(ctx context.Context, vs []int) (n int, err error) {
	in := c.r.tag(Input{Op: PushBatch, Values: vs})
	c.call(in, func() Output {
		n, err = c.r.q.PushBatch(ctx, slices.Clone(in.Values))
		o := result(err)
		o.Value = n
		return o
	})
	return n, err
}

// PopBatch calls PopBatch on the recorded queue. The recorded output is a
// copy of dst[:n], with ids; dst gets the items.
func (c *Client) PopBatch(ctx context.Context, dst []int) (n int, err error) {
	c.call(Input{Op: PopBatch, Value: len(dst)}, func() Output {
		n, err = c.r.q.PopBatch(ctx, dst)
		o := result(err)
		o.Value = n
		if n > 0 && n <= len(dst) {
			o.Values = slices.Clone(dst[:n])
		}
		return o
	})
	c.r.untag(dst[:max(min(n, len(dst)), 0)])
	return n, err
}

// Close calls Close on the recorded queue.
func (c *Client) Close() {
	c.call(Input{Op: Close}, func() Output {
		c.r.q.Close()
		return Output{}
	})
}

// Len calls Len on the recorded queue.
func (c *Client) Len() (n int) {
	c.call(Input{Op: Len}, func() Output {
		n = c.r.q.Len()
		return Output{Value: n}
	})
	return n
}

// Cap calls Cap on the recorded queue.
func (c *Client) Cap() (n int) {
	c.call(Input{Op: Cap}, func() Output {
		n = c.r.q.Cap()
		return Output{Value: n}
	})
	return n
}

// Resize calls Resize on the recorded queue.
func (c *Client) Resize(capacity int) (err error) {
	c.call(Input{Op: Resize, Value: capacity}, func() Output {
		err = c.r.q.Resize(capacity)
		return result(err)
	})
	return err
}

// Closed calls Closed on the recorded queue.
func (c *Client) Closed() (closed bool) {
	c.call(Input{Op: Closed}, func() Output {
		closed = c.r.q.Closed()
		if closed {
			return Output{Value: 1}
		}
		return Output{}
	})
	return closed
}
