//go:build broken

package atomicplain

import "sync/atomic"

// Counter counts hits from many goroutines.
type Counter struct {
	hits int64
}

// Hit adds one hit.
func (c *Counter) Hit() { atomic.AddInt64(&c.hits, 1) }

// Hits returns the number of hits so far.
//
// BROKEN: a plain read of a variable that other goroutines write with
// atomic.AddInt64. Atomicity is a property of every access, not of the
// variable: this read is a data race with each Hit.
func (c *Counter) Hits() int64 { return c.hits }
