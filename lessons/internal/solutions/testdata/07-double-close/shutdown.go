// Package exercise is lesson 07's exercise: a shutdown signal that any
// number of goroutines may give. Its check:
//
//	go test -tags exercise -race ./lessons/07-double-close/exercise/
package exercise

import (
	"errors"
	"sync"
)

// ErrRunning is what Err returns before Stop has been called.
var ErrRunning = errors.New("shutdown: still running")

// Shutdown tells goroutines to stop, and why. Stop may be called any
// number of times, from any goroutine: the first call closes Done's
// channel and fixes the reason; later calls change nothing.
type Shutdown struct {
	mu     sync.Mutex
	reason error
	done   chan struct{}
}

// New returns a Shutdown that has not stopped.
func New() *Shutdown { return &Shutdown{done: make(chan struct{})} }

// Stop closes Done's channel and records why, on its first call only.
func (s *Shutdown) Stop(reason error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.done: // stopped already: keep the first reason
		return
	default:
	}
	s.reason = reason
	close(s.done)
}

// Done returns a channel that is closed once Stop has been called.
func (s *Shutdown) Done() <-chan struct{} { return s.done }

// Err returns the reason given to the first Stop, or ErrRunning.
func (s *Shutdown) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.done:
		return s.reason
	default:
		return ErrRunning
	}
}
