//go:build broken

package starvation

// before orders the tasks: strictly by priority, and (the queue is stable)
// first come first served within a priority.
//
// BROKEN: while some more urgent task is always queued, a less urgent task
// is never the least, so it is never served: it starves.
func before(a, b Task) bool { return a.Prio < b.Prio }
