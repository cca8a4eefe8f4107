// Package recursiverlock is lesson 25: a method that takes a read lock and
// calls another method that takes it again. It works until a writer comes
// to wait between the two RLocks; then the second RLock waits for the
// writer, the writer waits for the first RLock, and neither ever moves. The
// fix: lock once, at the exported entry, and call unlocked helpers.
package recursiverlock

import "sync"

// Catalog holds prices by name. It is safe for concurrent use.
type Catalog struct {
	mu     sync.RWMutex
	prices map[string]int

	// Pause, if set, is called once by Total while it holds its read lock:
	// a test's hook to let a writer arrive at that moment.
	Pause func()
}

// NewCatalog returns an empty Catalog.
func NewCatalog() *Catalog { return &Catalog{prices: map[string]int{}} }

// Set sets the price of name.
func (c *Catalog) Set(name string, price int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.prices[name] = price
}

func (c *Catalog) pause() {
	if c.Pause != nil {
		c.Pause()
	}
}
