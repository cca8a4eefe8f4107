// Package exercise is lesson 01's exercise: make Counter safe for
// concurrent use. Its check runs Counter under the race detector:
//
//	go test -tags exercise -race ./lessons/01-race-conditions/exercise/
package exercise

import "sync"

// Counter counts events from many goroutines while another goroutine
// reports the count. It should be safe for concurrent use.
type Counter struct {
	mu sync.Mutex
	n  int
}

// Inc adds one to the count.
func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

// Value returns the count.
func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}
