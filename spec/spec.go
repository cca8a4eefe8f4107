// Package spec is the sequential specification of pckit's queue, and the
// two checkers built on it.
//
// The specification is one deterministic function, [Spec.Apply]: given the
// queue's state and one call, it returns the call's outcome and the next
// state, as if the call took effect atomically at one instant. Everything
// else calls into it:
//
//   - [Check] decides whether a concurrent history recorded by a [Recorder]
//     is linearizable: the queue's violation patterns first, each shown by
//     at most three calls, then an exact search over Apply; [Spec.Model]
//     turns Apply into a porcupine model, which draws the history
//     ([WriteHTML]) and cross-checks Check in the tests;
//   - [Commands] turns it into a gopter state machine, which runs random
//     sequences of calls against a queue and shrinks a failing one to a
//     minimal sequence.
//
// Items are ints. The specification covers every method of the queue,
// batch calls included: a batch call is one step of the model, never a loop
// of single steps.
package spec

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/pckit/pckit/queue"
)

// Kind names a queue method.
type Kind uint8

// The queue's methods, one Kind each.
const (
	Push Kind = iota
	Pop
	TryPush
	TryPop
	PushBatch
	PopBatch
	Close
	Len
	Cap
	Resize
	Closed
)

// String returns the method's name as the descriptions spell it, e.g.
// "pushBatch".
func (k Kind) String() string {
	switch k {
	case Push:
		return "push"
	case Pop:
		return "pop"
	case TryPush:
		return "tryPush"
	case TryPop:
		return "tryPop"
	case PushBatch:
		return "pushBatch"
	case PopBatch:
		return "popBatch"
	case Close:
		return "close"
	case Len:
		return "len"
	case Cap:
		return "cap"
	case Resize:
		return "resize"
	case Closed:
		return "closed"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Input is one call to the queue: the Input of a porcupine.Operation.
type Input struct {
	Op Kind
	// Value is the item of Push and TryPush, len(dst) of PopBatch and the
	// new capacity of Resize; other calls ignore it.
	Value int
	// Values are the items of PushBatch.
	Values []int
}

// String renders the call, e.g. "push(3)", "pushBatch([1 2])", "pop()".
func (in Input) String() string { return describeCall(in, false) }

// Outcome classifies a call's error.
type Outcome uint8

// The outcomes a call can have.
const (
	OK          Outcome = iota // nil error
	Full                       // queue.ErrFull
	Empty                      // queue.ErrEmpty
	closedErr                  // queue.ErrClosed
	Cancelled                  // the call's context ended: context.Canceled or DeadlineExceeded
	BadCapacity                // queue.ErrCapacity
	Unexpected                 // any other error: never legal
)

func (o Outcome) String() string {
	switch o {
	case OK:
		return "ok"
	case Full:
		return "full"
	case Empty:
		return "empty"
	case closedErr:
		return "closed"
	case Cancelled:
		return "cancelled"
	case BadCapacity:
		return "bad capacity"
	case Unexpected:
		return "unexpected error"
	}
	return fmt.Sprintf("Outcome(%d)", uint8(o))
}

// outcomeOf classifies err.
func outcomeOf(err error) Outcome {
	switch {
	case err == nil:
		return OK
	case errors.Is(err, queue.ErrFull):
		return Full
	case errors.Is(err, queue.ErrEmpty):
		return Empty
	case errors.Is(err, queue.ErrClosed):
		return closedErr
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return Cancelled
	case errors.Is(err, queue.ErrCapacity):
		return BadCapacity
	}
	return Unexpected
}

// Output is one call's response: the Output of a porcupine.Operation.
type Output struct {
	Outcome Outcome
	// Value is the item returned by Pop and TryPop, the count returned by
	// PushBatch, PopBatch, Len and Cap, and 1 for a Closed that returned
	// true; otherwise 0.
	Value int
	// Values are the items returned by PopBatch (dst[:n]).
	Values []int
	// Err is the text of an Unexpected error.
	Err string
}

// Equal reports whether o and p are the same response.
func (o Output) Equal(p Output) bool {
	if o.Outcome != p.Outcome || o.Value != p.Value || o.Err != p.Err || len(o.Values) != len(p.Values) {
		return false
	}
	for i := range o.Values {
		if o.Values[i] != p.Values[i] {
			return false
		}
	}
	return true
}

// State is the queue's abstract state: its items in the order they will be
// popped, its capacity and whether it is closed. A State is an immutable
// value and comparable with ==, as porcupine's checker wants.
type State struct {
	items  string // 8 bytes per item, big-endian, head first
	cap    int
	closed bool
}

// Items returns the queued items, head first.
func (s State) Items() []int {
	out := make([]int, s.Len())
	for i := range out {
		out[i] = s.at(i)
	}
	return out
}

// Len returns the number of queued items.
func (s State) Len() int { return len(s.items) / 8 }

// Cap returns the capacity.
func (s State) Cap() int { return s.cap }

// String describes s, e.g. "[1 2 3] cap 4 closed".
func (s State) String() string {
	var b strings.Builder
	b.WriteString(ints(s.Items()))
	fmt.Fprintf(&b, " cap %d", s.cap)
	if s.closed {
		b.WriteString(" closed")
	}
	return b.String()
}

func (s State) at(i int) int {
	var u uint64
	for _, c := range []byte(s.items[8*i : 8*i+8]) {
		u = u<<8 | uint64(c)
	}
	return int(u)
}

func encode(v int) string {
	u := uint64(v)
	var b [8]byte
	for i := 7; i >= 0; i-- {
		b[i] = byte(u)
		u >>= 8
	}
	return string(b[:])
}

// hash is FNV-1a over the whole state.
func (s State) hash() uint64 {
	h := uint64(14695981039346656037)
	mix := func(c byte) { h = (h ^ uint64(c)) * 1099511628211 }
	for i := 0; i < len(s.items); i++ {
		mix(s.items[i])
	}
	for u := uint64(s.cap); u != 0; u >>= 8 {
		mix(byte(u))
	}
	if s.closed {
		mix(0xff)
	}
	return h
}

// Spec is the sequential specification of a queue of ints: FIFO, or
// priority when Less is set.
type Spec struct {
	// Capacity is the capacity the queue is made with; it starts empty
	// and open.
	Capacity int
	// Less orders a priority queue (nil: FIFO). Pop returns the least
	// item; items equal by Less come out in the order they were pushed.
	Less func(a, b int) bool
}

// FIFO returns the specification of New[int](capacity).
func FIFO(capacity int) Spec { return Spec{Capacity: capacity} }

// Priority returns the specification of NewPriority[int](capacity, less).
func Priority(capacity int, less func(a, b int) bool) Spec {
	return Spec{Capacity: capacity, Less: less}
}

// Init returns the state of a new queue: empty, open, Capacity.
func (sp Spec) Init() State { return State{cap: sp.Capacity} }

// Apply is the specification: the outcome of call in when it takes effect,
// atomically, in state s, and the state after it.
//
// A call that would have to wait in s (a push on an open, full queue; a pop
// on an open, empty one) can only finish there by its context ending: its
// outcome in s is Cancelled and it changes nothing. A call that need not
// wait succeeds even if its context is done. So the outcome is a function
// of s and in, and a history is linearizable exactly when each call can be
// given an instant within its interval at which Apply yields what the call
// returned.
func (sp Spec) Apply(s State, in Input) (Output, State) {
	full := s.Len() >= s.cap
	switch in.Op {
	case Push:
		switch {
		case s.closed:
			return Output{Outcome: closedErr}, s
		case full:
			return Output{Outcome: Cancelled}, s
		}
		return Output{}, sp.push(s, in.Value)
	case TryPush:
		switch {
		case s.closed:
			return Output{Outcome: closedErr}, s
		case full:
			return Output{Outcome: Full}, s
		}
		return Output{}, sp.push(s, in.Value)
	case PushBatch:
		switch {
		case len(in.Values) == 0 && s.closed:
			return Output{Outcome: closedErr}, s
		case len(in.Values) == 0:
			return Output{}, s
		case s.closed:
			return Output{Outcome: closedErr}, s
		case full:
			return Output{Outcome: Cancelled}, s
		}
		n := min(len(in.Values), s.cap-s.Len())
		for _, v := range in.Values[:n] {
			s = sp.push(s, v)
		}
		return Output{Value: n}, s
	case Pop, TryPop:
		switch {
		case s.Len() > 0:
			return Output{Value: s.at(0)}, State{s.items[8:], s.cap, s.closed}
		case s.closed:
			return Output{Outcome: closedErr}, s
		case in.Op == TryPop:
			return Output{Outcome: Empty}, s
		}
		return Output{Outcome: Cancelled}, s
	case PopBatch:
		switch {
		case in.Value <= 0 && s.closed && s.Len() == 0:
			return Output{Outcome: closedErr}, s
		case in.Value <= 0:
			return Output{}, s
		case s.Len() > 0:
			n := min(in.Value, s.Len())
			got := State{s.items[:8*n], 0, false}.Items()
			return Output{Value: n, Values: got}, State{s.items[8*n:], s.cap, s.closed}
		case s.closed:
			return Output{Outcome: closedErr}, s
		}
		return Output{Outcome: Cancelled}, s
	case Close:
		s.closed = true
		return Output{}, s
	case Len:
		return Output{Value: s.Len()}, s
	case Cap:
		return Output{Value: s.cap}, s
	case Resize:
		if in.Value < 1 {
			return Output{Outcome: BadCapacity}, s
		}
		s.cap = in.Value
		return Output{}, s
	case Closed:
		if s.closed {
			return Output{Value: 1}, s
		}
		return Output{}, s
	}
	return Output{Outcome: Unexpected, Err: "unknown call " + in.Op.String()}, s
}

// push inserts v: at the tail of a FIFO queue, after every item not greater
// than v in a priority queue.
func (sp Spec) push(s State, v int) State {
	if sp.Less == nil {
		s.items += encode(v)
		return s
	}
	i := 0
	for i < s.Len() && !sp.Less(v, s.at(i)) {
		i++
	}
	s.items = s.items[:8*i] + encode(v) + s.items[8*i:]
	return s
}

// step reports whether call in can return out when it takes effect in s,
// and the state after it. It is Apply seen as a predicate.
func (sp Spec) step(s State, in Input, out Output) (bool, State) {
	want, next := sp.Apply(s, in)
	return want.Equal(out), next
}

// DescribeOperation renders a call and its response, e.g. "push(3) → ok",
// "popBatch(2) → [1 2]".
func DescribeOperation(in Input, out Output) string {
	call := describeCall(in, false)
	var res string
	switch {
	case out.Outcome == Unexpected:
		res = "error: " + out.Err
	case out.Outcome != OK:
		res = out.Outcome.String()
	case in.Op == Pop || in.Op == TryPop || in.Op == PushBatch || in.Op == Len || in.Op == Cap:
		res = fmt.Sprint(out.Value)
	case in.Op == PopBatch:
		res = ints(out.Values)
	case in.Op == Closed:
		res = fmt.Sprint(out.Value == 1)
	case in.Op == Close:
		return call
	default:
		res = "ok"
	}
	return call + " → " + res
}

// describeCall renders a call: "push(3)", "pushBatch([1 2])", or, compact,
// with no spaces: "pushBatch(1,2)".
func describeCall(in Input, compact bool) string {
	switch in.Op {
	case Push, TryPush, Resize, PopBatch:
		return fmt.Sprintf("%v(%d)", in.Op, in.Value)
	case PushBatch:
		if compact {
			return fmt.Sprintf("%v(%s)", in.Op, strings.Trim(strings.ReplaceAll(ints(in.Values), " ", ","), "[]"))
		}
		return fmt.Sprintf("%v(%s)", in.Op, ints(in.Values))
	}
	return in.Op.String() + "()"
}

// ints renders items as fmt does: "[1 2 3]", "[]".
func ints(vs []int) string { return fmt.Sprint(vs) }
