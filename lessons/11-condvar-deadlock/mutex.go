// Package onecond is lesson 11: the condition-variable deadlock of a queue
// whose producers and consumers share one condition variable and Signal it:
// a Signal wakes the wrong kind of waiter, and everyone ends asleep.
package onecond

// mutex is a lock made of a one-slot channel: Lock fills the slot, Unlock
// empties it. It is the queue's sync.Locker (sync.Cond works with any). A
// goroutine blocked in its Lock is durably blocked in the sense of
// testing/synctest (one blocked in sync.Mutex.Lock is not), so the test can
// hold the lock while it lines goroutines up behind it.
type mutex chan struct{}

func (m mutex) Lock()   { m <- struct{}{} }
func (m mutex) Unlock() { <-m }
