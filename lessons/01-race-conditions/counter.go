//go:build !broken

// Package races is lesson 01: a data race on a shared counter, the race
// detector's report, and the fix (a mutex, with defer).
package races

import "sync"

// Counter counts events from many goroutines. It is safe for concurrent use.
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
