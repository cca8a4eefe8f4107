//go:build !broken

// Package doubleclose is lesson 07: closing a channel twice panics. Two
// goroutines that each "finish" by closing the same done channel crash the
// program; the fix closes it exactly once.
package doubleclose

import "sync"

// Stopper tells goroutines to stop: Stop closes the channel that Done
// returns, and every goroutine waiting on it wakes. Stop may be called any
// number of times, from any goroutine; the first call closes the channel and
// later calls do nothing.
type Stopper struct {
	once sync.Once
	done chan struct{}
}

// NewStopper returns a Stopper that has not stopped.
func NewStopper() *Stopper { return &Stopper{done: make(chan struct{})} }

// Stop closes Done's channel, once.
func (s *Stopper) Stop() {
	s.once.Do(func() { close(s.done) })
}

// Done returns a channel that is closed once Stop has been called.
func (s *Stopper) Done() <-chan struct{} { return s.done }
