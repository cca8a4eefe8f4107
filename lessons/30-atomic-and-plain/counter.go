//go:build !broken

// Package atomicplain is lesson 30: one variable written with sync/atomic
// and read with a plain load. The race detector reports the pair. The fix:
// an atomic.Int64, whose value can only be reached through atomic methods.
package atomicplain

import "sync/atomic"

// Counter counts hits from many goroutines. The zero Counter is ready to
// use.
type Counter struct {
	hits atomic.Int64 // only Add and Load reach the value
}

// Hit adds one hit.
func (c *Counter) Hit() { c.hits.Add(1) }

// Hits returns the number of hits so far.
func (c *Counter) Hits() int64 { return c.hits.Load() }
