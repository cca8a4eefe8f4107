package spec

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// item is one accepted item of a history with unique items: the call that
// pushed it and the call that popped it (-1: never popped).
type item struct {
	value       int
	push, pop   int // indices into calls
	pushAt      int // position in a batch push
	popAt       int // position in a batch pop
	pushCall    int64
	pushRet     int64
	popCall     int64 // math.MaxInt64 when never popped
	popRet      int64 // math.MaxInt64 when never popped
	poppedTwice int   // a second call that popped it, or -1
}

// accepted returns the items c pushed; one is returned in *one, so that
// no slice is made.
func accepted(c *call, one *[1]int) []int {
	switch {
	case c.out.Outcome != OK:
		return nil
	case c.in.Op == Push, c.in.Op == TryPush:
		one[0] = c.in.Value
		return one[:]
	case c.in.Op == PushBatch && c.out.Value > 0 && c.out.Value <= len(c.in.Values):
		return c.in.Values[:c.out.Value]
	}
	return nil
}

// popped returns the items c popped, as accepted does.
func popped(c *call, one *[1]int) []int {
	switch {
	case c.out.Outcome != OK:
		return nil
	case c.in.Op == Pop, c.in.Op == TryPop:
		one[0] = c.out.Value
		return one[:]
	case c.in.Op == PopBatch:
		return c.out.Values
	}
	return nil
}

// sawEmpty reports whether c's response says the queue was empty.
func sawEmpty(c *call) bool {
	switch c.in.Op {
	case Pop, TryPop:
		return c.out.Outcome != OK
	case PopBatch:
		return c.out.Outcome != OK && (c.in.Value > 0 || c.out.Outcome == closedErr)
	}
	return false
}

// sawFull reports whether c's response says the queue was full (and open).
func sawFull(c *call) bool {
	switch c.in.Op {
	case Push, PushBatch:
		return c.out.Outcome == Cancelled
	case TryPush:
		return c.out.Outcome == Full
	}
	return false
}

// sawOpen reports whether c's response says the queue was open.
func sawOpen(c *call) bool {
	switch {
	case len(accepted(c, new([1]int))) > 0, sawFull(c):
		return true
	case c.in.Op == Closed:
		return c.out.Outcome == OK && c.out.Value == 0
	case c.in.Op == PushBatch:
		return c.out.Outcome == OK && len(c.in.Values) == 0
	}
	return sawEmpty(c) && c.out.Outcome != closedErr
}

// sawClosed reports whether c's response says the queue was closed.
func sawClosed(c *call) bool {
	if c.in.Op == Closed {
		return c.out.Outcome == OK && c.out.Value == 1
	}
	return c.out.Outcome == closedErr
}

// violation is a pattern found: the calls (indices into calls) and why.
type violation struct {
	calls  []int
	reason string
}

// patterns looks for the violations that need no search, in O(n log n):
// an unexpected error; an item popped that was never pushed, popped twice,
// or popped before its push began; (FIFO) two items popped in the other
// order than they were surely pushed; an empty observation while an item
// is surely queued; a full observation while fewer items than the least
// capacity can be queued; a Len outside what can be queued; more items
// surely queued than any capacity allows; a call that
// saw the queue open after a Close surely ended, or closed before any
// began. It needs unique items (uniq) for everything about items.
//
// Each violation's calls, alone, form a history that no order makes
// legal, except where the reason is a count (full, Len too small), which
// the sentence states.
func patterns(sp Spec, calls []call, items []item, uniq bool) *violation {
	desc := func(i int) string { return DescribeOperation(calls[i].in, calls[i].out) }
	name := func(i int) string { return describeCall(calls[i].in, false) }
	for i := range calls {
		if calls[i].out.Outcome == Unexpected {
			return &violation{[]int{i}, fmt.Sprintf("%s: the queue never returns that error", desc(i))}
		}
	}
	if v := closePatterns(calls, desc, name); v != nil || !uniq {
		return v
	}
	for _, it := range items {
		switch {
		case it.push < 0:
			return &violation{[]int{it.pop}, fmt.Sprintf("%s, but no push accepted %d", desc(it.pop), it.value)}
		case it.poppedTwice >= 0:
			return &violation{[]int{it.push, it.pop, it.poppedTwice},
				fmt.Sprintf("%d was pushed once and popped twice", it.value)}
		case it.pop >= 0 && it.popRet < it.pushCall:
			return &violation{[]int{it.push, it.pop},
				fmt.Sprintf("%s returned before %s began", desc(it.pop), name(it.push))}
		}
	}
	// Items in order of the return of their push, for the sweeps.
	byPushRet := make([]int, 0, len(items))
	for i, it := range items {
		if it.push >= 0 {
			byPushRet = append(byPushRet, i)
		}
	}
	slices.SortFunc(byPushRet, func(a, b int) int { return cmp.Compare(items[a].pushRet, items[b].pushRet) })
	// surely(t) walks t forward and keeps, among the items whose push
	// returned before t, the one whose pop began last (never: last of all).
	next, best := 0, -1
	surely := func(t int64) int {
		for ; next < len(byPushRet) && items[byPushRet[next]].pushRet < t; next++ {
			if it := byPushRet[next]; best < 0 || items[it].popCall > items[best].popCall {
				best = it
			}
		}
		return best
	}
	byCall := make([]int, len(calls))
	for i := range byCall {
		byCall[i] = i // calls are sorted by call time
	}
	if sp.Less == nil {
		if v := fifoPatterns(calls, items, byCall, surely, desc, name); v != nil {
			return v
		}
		next, best = 0, -1
	}
	for _, i := range byCall {
		c := &calls[i]
		if !sawEmpty(c) {
			continue
		}
		if b := surely(c.call); b >= 0 && items[b].popCall > c.ret {
			it := items[b]
			return &violation{[]int{it.push, i}, fmt.Sprintf("%d was queued throughout %s: %s returned before it began, and no pop of %d began before it returned",
				it.value, desc(i), name(it.push), it.value)}
		}
	}
	return countPatterns(sp, calls, items, desc)
}

// closePatterns: a call that saw the queue open after a Close had surely
// ended, or closed before any Close began.
func closePatterns(calls []call, desc, name func(int) string) *violation {
	firstEnd, firstStart := -1, -1
	for i := range calls {
		if calls[i].in.Op != Close {
			continue
		}
		if firstEnd < 0 || calls[i].ret < calls[firstEnd].ret {
			firstEnd = i
		}
		if firstStart < 0 || calls[i].call < calls[firstStart].call {
			firstStart = i
		}
	}
	for i := range calls {
		c := &calls[i]
		if firstEnd >= 0 && sawOpen(c) && c.call > calls[firstEnd].ret {
			return &violation{[]int{firstEnd, i}, fmt.Sprintf("%s began after %s returned, yet found the queue open", desc(i), name(firstEnd))}
		}
		if sawClosed(c) && (firstStart < 0 || c.ret < calls[firstStart].call) {
			return &violation{[]int{i}, fmt.Sprintf("%s found the queue closed before any close began", desc(i))}
		}
	}
	return nil
}

// fifoPatterns finds two items popped in the other order than they were
// surely pushed: item a's push returned before item b's began (or a came
// first in one batch), and b was popped by a call that returned before any
// pop of a began (or b came first in one batch pop).
func fifoPatterns(calls []call, items []item, byCall []int, surely func(int64) int, desc, name func(int) string) *violation {
	// itemsOf lists the pushed items in invocation order of their push,
	// a batch's in batch order.
	for k := 0; k < len(items) && items[k].push >= 0; {
		i, end := items[k].push, k
		for end < len(items) && items[end].push == i {
			end++
		}
		a := surely(calls[i].call)
		for b := k; b < end; b++ {
			ib := items[b]
			if a >= 0 && ib.pop >= 0 && items[a].popCall > ib.popRet {
				ia := items[a]
				w, why := []int{ia.push, ib.push, ib.pop}, fmt.Sprintf("%s returned before %s began", name(ia.push), name(ib.push))
				if ia.push == ib.push {
					w, why = w[1:], name(ia.push)+" queued them in that order"
				}
				return &violation{w, fmt.Sprintf("%d was queued ahead of %d (%s), yet %s returned before any pop of %d began",
					ia.value, ib.value, why, desc(ib.pop), ia.value)}
			}
			if a < 0 || ib.popCall > items[a].popCall {
				a = b // b is ahead of the batch's later items
			}
		}
		k = end
	}
	// Within one batch pop, the items must come in push order.
	byPop := map[int][]item{} // batch pop call → its items
	for _, it := range items {
		if it.pop >= 0 && calls[it.pop].in.Op == PopBatch && len(calls[it.pop].out.Values) <= 64 {
			byPop[it.pop] = append(byPop[it.pop], it)
		}
	}
	for _, i := range byCall {
		its := byPop[i]
		for _, x := range its {
			for _, y := range its {
				if x.popAt < y.popAt && (y.pushRet < x.pushCall || y.push == x.push && y.pushAt < x.pushAt) {
					w := []int{y.push, x.push, i}
					if x.push == y.push {
						w = w[1:]
					}
					return &violation{w, fmt.Sprintf("%d was queued ahead of %d, yet %s returned them the other way round", y.value, x.value, desc(i))}
				}
			}
		}
	}
	return nil
}

// countPatterns compares full observations and Len with how many items
// can be queued during the call: at most the items whose push began
// before it ended, less those whose pop ended before it began; at least
// those pushed before it began and not popped before it ended.
func countPatterns(sp Spec, calls []call, items []item, desc func(int) string) *violation {
	var pushCalls, popRets []int64
	for _, it := range items {
		pushCalls = append(pushCalls, it.pushCall)
		if it.pop >= 0 {
			popRets = append(popRets, it.popRet)
		}
	}
	slices.Sort(pushCalls)
	slices.Sort(popRets)
	below := func(ts []int64, t int64) int { n, _ := slices.BinarySearch(ts, t); return n }
	most := func(c *call) int { return below(pushCalls, c.ret+1) - below(popRets, c.call) }
	// The capacities in effect during a call: the initial one, and those
	// of the resizes invoked before it returned.
	lowCap, highCap := sp.Capacity, sp.Capacity
	lows, highs := make([]int, len(calls)), make([]int, len(calls)) // per call, in call order
	callTimes := make([]int64, len(calls))
	for i := range calls {
		c := &calls[i]
		if c.in.Op == Resize && c.out.Outcome == OK {
			lowCap, highCap = min(lowCap, c.in.Value), max(highCap, c.in.Value)
		}
		lows[i], highs[i], callTimes[i] = lowCap, highCap, c.call
	}
	// A resize invoked later than c but by the time c returned also
	// counts: take the bounds at the last call invoked by then.
	bound := func(i int) (int, int) {
		if lows[len(calls)-1] == highs[len(calls)-1] {
			return lowCap, highCap // never resized to another capacity
		}
		j := below(callTimes, calls[i].ret+1)
		return lows[j-1], highs[j-1]
	}
	for i := range calls {
		c := &calls[i]
		if !sawFull(c) && c.in.Op != Len {
			continue
		}
		low, high := bound(i)
		switch {
		case sawFull(c) && most(c) < low:
			return &violation{[]int{i}, fmt.Sprintf("%s found the queue full, but at most %d items can have been queued during it, and the capacity was at least %d",
				desc(i), most(c), low)}
		case c.in.Op == Len && c.out.Value > most(c):
			return &violation{[]int{i}, fmt.Sprintf("%s, but at most %d items can have been queued during it", desc(i), most(c))}
		case c.in.Op == Len && c.out.Value > high:
			return &violation{[]int{i}, fmt.Sprintf("%s, but the capacity was at most %d", desc(i), high)}
		}
	}
	return tooManyQueued(calls, items, desc, func(i int) int { _, high := bound(i); return high })
}

// tooManyQueued finds, by a sweep over the calls in invocation order with
// a Fenwick tree over the times pops began, a call throughout which more
// items were surely queued (pushed before it began, popped only after it
// returned) than any capacity in effect by its end allows, or a Len that
// returned fewer.
func tooManyQueued(calls []call, items []item, desc func(int) string, high func(i int) int) *violation {
	var starts []int64
	for _, it := range items {
		starts = append(starts, it.popCall)
	}
	slices.Sort(starts)
	starts = slices.Compact(starts)
	tree := make([]int, len(starts)+1)
	add := func(t int64) {
		i, _ := slices.BinarySearch(starts, t)
		for i++; i < len(tree); i += i & -i {
			tree[i]++
		}
	}
	count := func(t int64) int { // items added whose pop began at or before t
		i, _ := slices.BinarySearch(starts, t+1)
		n := 0
		for ; i > 0; i -= i & -i {
			n += tree[i]
		}
		return n
	}
	byRet := make([]int, len(items))
	for i := range byRet {
		byRet[i] = i
	}
	slices.SortFunc(byRet, func(a, b int) int { return cmp.Compare(items[a].pushRet, items[b].pushRet) })
	next := 0
	for i := range calls {
		c := &calls[i]
		for ; next < len(byRet) && items[byRet[next]].pushRet < c.call; next++ {
			add(items[byRet[next]].popCall)
		}
		least := next - count(c.ret)
		switch {
		case least > high(i):
			return &violation{[]int{i}, fmt.Sprintf("%d items were queued throughout %s (pushed before it began, popped only after it returned), but the capacity was at most %d",
				least, desc(i), high(i))}
		case c.in.Op == Len && c.out.Value < least:
			return &violation{[]int{i}, fmt.Sprintf("%s, but %d items were queued throughout it (pushed before it began, popped only after it returned)",
				desc(i), least)}
		}
	}
	return nil
}

// itemsOf lists the accepted and popped items of calls, and reports
// whether every accepted item is unique.
func itemsOf(calls []call) ([]item, bool) {
	items := make([]item, 0, len(calls))
	index := make(map[int]int, len(calls))
	var one [1]int
	for i := range calls {
		for k, v := range accepted(&calls[i], &one) {
			if _, dup := index[v]; dup {
				return nil, false
			}
			index[v] = len(items)
			items = append(items, item{value: v, push: i, pushAt: k, pushCall: calls[i].call, pushRet: calls[i].ret,
				pop: -1, popCall: math.MaxInt64, popRet: math.MaxInt64, poppedTwice: -1})
		}
	}
	for i := range calls {
		for k, v := range popped(&calls[i], &one) {
			j, ok := index[v]
			if !ok {
				index[v] = len(items)
				items = append(items, item{value: v, push: -1, pop: i, popAt: k, popCall: calls[i].call, popRet: calls[i].ret, poppedTwice: -1})
				continue
			}
			it := &items[j]
			if it.pop >= 0 {
				it.poppedTwice = i
				continue
			}
			it.pop, it.popAt, it.popCall, it.popRet = i, k, calls[i].call, calls[i].ret
		}
	}
	return items, true
}
