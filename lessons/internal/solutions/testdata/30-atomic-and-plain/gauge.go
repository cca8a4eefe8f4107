// Package exercise is lesson 30's exercise: a gauge written atomically and
// read plainly.
package exercise

import "sync/atomic"

// Gauge holds the latest reading, set and read from many goroutines. The
// zero Gauge reads 0.
type Gauge struct {
	v atomic.Int64 // only Store and Load reach the value
}

// Set records a new reading.
func (g *Gauge) Set(v int64) { g.v.Store(v) }

// Get returns the latest reading.
func (g *Gauge) Get() int64 { return g.v.Load() }
