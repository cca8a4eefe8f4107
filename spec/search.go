package spec

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// call is one call of a history as the queue checker sees it.
type call struct {
	in        Input // as recorded, or with never-popped items renamed (see canonical)
	out       Output
	call, ret int64
	index     int // in the history
}

// inert reports whether c's response says it changed nothing, in any
// state where it can take effect: a failed call, a read, an empty batch.
// (Close is inert too once the queue is closed; search checks that.)
func (c *call) inert() bool {
	switch {
	case c.out.Outcome != OK:
		return true
	case c.in.Op == Len, c.in.Op == Cap, c.in.Op == Closed:
		return true
	case c.in.Op == PushBatch, c.in.Op == PopBatch:
		return c.out.Value == 0
	}
	return false
}

// search decides, exactly, whether calls can be ordered: a depth-first
// search over configurations (how many calls of each lane are linearized,
// and the State reached), each step one call taking effect through
// Spec.Apply. A lane is a chain of calls each of which returned before the
// next was invoked (a client's calls), so the linearized calls are a prefix
// of each lane, and the calls that may take effect next are the lanes'
// next calls invoked before every lane's next call returned.
//
// These keep it small, none of which loses a linearization:
//
//   - A call that may go next and whose response says it changes nothing
//     (inert) goes next at once, without branching: in any linearization
//     it can be moved to the front, since no pending call must precede
//     it, and it leaves every state it could take effect in as it was.
//     (A closed queue stays closed, so a Close there is inert too.)
//   - Dead configurations are remembered (memo), so no configuration is
//     explored twice.
//   - For a FIFO queue with unique items, push order is pop order: a push
//     may not go before a pending push whose item is surely popped before
//     one of its own (pushBlocked); never-popped items are all renamed to
//     one value, so the order among them, which nothing can observe, makes
//     no states of its own.
//   - When no frame on the path has an untried candidate left, the path
//     and the memo are dropped: nothing will ever back up into them.
//
// The order in which candidates are tried (earliest return first) only
// affects the time taken. The search gives up with Unknown at deadline.
type search struct {
	sp    Spec
	calls []call
	lanes [][]int32
	// For a FIFO queue with unique items: the push of call i may not take
	// effect while a push j with popRetMin[j] < popCallMax[i] is pending.
	fifo                  bool
	popRetMin, popCallMax []int64
	renamed               bool // never-popped items are all named marker
	marker                int

	pos      []int32
	posHash  uint64
	s        State
	stack    []frame
	branches int // frames with untried candidates
	memo     map[uint64][]memoEntry
	deadline time.Time

	// deepest dead end seen, for the witness
	deadDepth int
	dead      []int
	deadState State
}

type frame struct {
	lane       int32
	tried, all int32 // candidates tried (including this move), and their number
	prev       State
}

type memoEntry struct {
	pos []int32
	s   State
}

// lanesOf splits calls (sorted by call time) into chains, a client's
// calls into one unless they overlap.
func lanesOf(calls []call, client func(i int) int) [][]int32 {
	type lane struct {
		client int
		ops    []int32
	}
	var lanes []*lane
	byClient := map[int][]*lane{}
	for i := range calls {
		cl := client(i)
		var home *lane
		for _, l := range byClient[cl] {
			if calls[l.ops[len(l.ops)-1]].ret < calls[i].call {
				home = l
				break
			}
		}
		if home == nil {
			home = &lane{client: cl}
			lanes = append(lanes, home)
			byClient[cl] = append(byClient[cl], home)
		}
		home.ops = append(home.ops, int32(i))
	}
	out := make([][]int32, len(lanes))
	for i, l := range lanes {
		out[i] = l.ops
	}
	return out
}

func mix(lane, pos int32) uint64 {
	x := uint64(lane)<<32 | uint64(uint32(pos))
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// outcome of run.
type outcome uint8

const (
	found outcome = iota
	none
	timedOut
)

func (se *search) advance(l int32, delta int32) {
	se.posHash -= mix(l, se.pos[l])
	se.pos[l] += delta
	se.posHash += mix(l, se.pos[l])
}

func (se *search) key() uint64 { return se.posHash ^ se.s.hash()*0x9e3779b97f4a7c15 }

func (se *search) isDead() bool {
	if len(se.memo) == 0 {
		return false
	}
	for _, e := range se.memo[se.key()] {
		if e.s == se.s && slices.Equal(e.pos, se.pos) {
			return true
		}
	}
	return false
}

func (se *search) markDead() {
	if se.memo == nil {
		se.memo = map[uint64][]memoEntry{}
	}
	k := se.key()
	se.memo[k] = append(se.memo[k], memoEntry{slices.Clone(se.pos), se.s})
}

// candidates returns the lanes whose next call may take effect now, the
// next state for each, and whether the first is a forced (inert) move.
func (se *search) candidates(buf []int32, next []State) ([]int32, []State, bool) {
	buf, next = buf[:0], next[:0]
	minRet := int64(1<<63 - 1)
	for l, ops := range se.lanes {
		if p := se.pos[l]; int(p) < len(ops) {
			minRet = min(minRet, se.calls[ops[p]].ret)
		}
	}
	// Inert calls first: one that fits goes next, alone.
	for l, ops := range se.lanes {
		p := se.pos[l]
		if int(p) == len(ops) {
			continue
		}
		c := &se.calls[ops[p]]
		if c.call > minRet || !(c.inert() || c.in.Op == Close && se.s.closed) {
			continue
		}
		if out, s := se.sp.Apply(se.s, c.in); out.Equal(c.out) {
			return append(buf, int32(l)), append(next, s), true
		}
	}
	for l, ops := range se.lanes {
		p := se.pos[l]
		if int(p) == len(ops) {
			continue
		}
		i := ops[p]
		c := &se.calls[i]
		if c.call > minRet || c.inert() {
			continue
		}
		if !se.mayFit(c) || se.fifo && se.pushBlocked(i) {
			continue
		}
		if out, s := se.sp.Apply(se.s, c.in); out.Equal(c.out) {
			buf, next = append(buf, int32(l)), append(next, s)
		}
	}
	// Earliest return first.
	for i := 1; i < len(buf); i++ {
		for j := i; j > 0 && se.ret(buf[j]) < se.ret(buf[j-1]); j-- {
			buf[j], buf[j-1] = buf[j-1], buf[j]
			next[j], next[j-1] = next[j-1], next[j]
		}
	}
	return buf, next, false
}

// mayFit is a quick necessary condition for Apply to give the state-
// changing call c its response: a pop's item is at the head, a push finds
// the queue open and not full.
func (se *search) mayFit(c *call) bool {
	switch c.in.Op {
	case Pop, TryPop:
		return se.s.Len() > 0 && se.s.at(0) == c.out.Value
	case PopBatch:
		return se.s.Len() > 0 && len(c.out.Values) > 0 && se.s.at(0) == c.out.Values[0]
	case Push, TryPush, PushBatch:
		return !se.s.closed && se.s.Len() < se.s.cap
	}
	return true
}

func (se *search) ret(l int32) int64 { return se.calls[se.lanes[l][se.pos[l]]].ret }

// pushBlocked reports whether call i is a push that must wait for another
// lane's pending push: one whose item is surely popped before one of i's.
func (se *search) pushBlocked(i int32) bool {
	mine := se.popCallMax[i]
	if mine == noPop {
		return false // not a push with accepted items
	}
	for l, ops := range se.lanes {
		p := se.pos[l]
		if int(p) == len(ops) || ops[p] == i {
			continue
		}
		if se.popRetMin[ops[p]] < mine {
			return true
		}
	}
	return false
}

// noPop marks a call with no accepted item in popCallMax and popRetMin.
const noPop = -1 << 63

// run searches from the initial state; on none, dead holds the calls that
// could not be ordered at the deepest dead end.
func (se *search) run() outcome {
	se.pos = make([]int32, len(se.lanes))
	for l := range se.lanes {
		se.posHash += mix(int32(l), 0)
	}
	se.s = se.sp.Init()
	total := len(se.calls)
	depth := 0
	var buf []int32
	var next []State
	for steps := 0; ; steps++ {
		if steps&1023 == 0 && !se.deadline.IsZero() && time.Now().After(se.deadline) {
			return timedOut
		}
		if depth == total {
			return found
		}
		var forced bool
		if !se.isDead() {
			buf, next, forced = se.candidates(buf, next)
		} else {
			buf, next = buf[:0], next[:0]
		}
		if len(buf) > 0 {
			all := int32(len(buf))
			if forced {
				all = 1
			}
			if all == 1 && se.branches == 0 {
				// Nothing to come back to: forget the path and the memo.
				se.stack, se.memo = se.stack[:0], nil
			} else {
				se.stack = append(se.stack, frame{lane: buf[0], tried: 1, all: all, prev: se.s})
				if all > 1 {
					se.branches++
				}
			}
			se.advance(buf[0], 1)
			se.s = next[0]
			depth++
			continue
		}
		// Dead end: back up to the last frame with an untried candidate.
		if depth > se.deadDepth || se.dead == nil {
			se.deadDepth, se.deadState = depth, se.s
			se.dead = se.frontier()
		}
		for ; ; steps++ {
			if steps&1023 == 0 && !se.deadline.IsZero() && time.Now().After(se.deadline) {
				return timedOut
			}
			se.markDead()
			if len(se.stack) == 0 {
				return none
			}
			f := &se.stack[len(se.stack)-1]
			se.advance(f.lane, -1)
			se.s = f.prev
			depth--
			if f.tried < f.all {
				buf, next, _ = se.candidates(buf, next)
				f.lane = buf[f.tried]
				f.tried++
				if f.tried == f.all {
					se.branches--
				}
				se.advance(f.lane, 1)
				se.s = next[f.tried-1]
				depth++
				break
			}
			se.stack = se.stack[:len(se.stack)-1]
		}
	}
}

// describeState renders s as State.String does, with "*" for an item
// that is never popped (see fifoShortcuts).
func (se *search) describeState(s State) string {
	items := s.Items()
	if !se.renamed || !slices.Contains(items, se.marker) {
		return s.String()
	}
	parts := make([]string, len(items))
	for i, v := range items {
		parts[i] = fmt.Sprint(v)
		if v == se.marker {
			parts[i] = "*"
		}
	}
	s.items = ""
	return "[" + strings.Join(parts, " ") + "]" + strings.TrimPrefix(s.String(), "[]") + " (*: an item never popped)"
}

// frontier returns the calls that may take effect next (history indices).
func (se *search) frontier() []int {
	minRet := int64(1<<63 - 1)
	for l, ops := range se.lanes {
		if p := se.pos[l]; int(p) < len(ops) {
			minRet = min(minRet, se.calls[ops[p]].ret)
		}
	}
	var out []int
	for l, ops := range se.lanes {
		if p := se.pos[l]; int(p) < len(ops) && se.calls[ops[p]].call <= minRet {
			out = append(out, se.calls[ops[p]].index)
		}
	}
	slices.Sort(out)
	return out
}
