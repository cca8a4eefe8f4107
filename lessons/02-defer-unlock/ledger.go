//go:build !broken

// Package deferunlock is lesson 02: Python's `with lock:` is Go's
// Lock(); defer Unlock(). Unlocking by hand misses early returns and panics,
// and a method that locks must not call another method that locks again.
package deferunlock

import (
	"errors"
	"sync"
)

// ErrNoID is returned for an empty producer id.
var ErrNoID = errors.New("ledger: empty producer id")

// ErrShort is returned by Move when the source total is smaller than n.
var ErrShort = errors.New("ledger: total too small")

// Ledger keeps a running total per producer id. It is safe for concurrent
// use.
type Ledger struct {
	mu     sync.Mutex
	totals map[string]int
}

// NewLedger returns an empty ledger.
func NewLedger() *Ledger { return &Ledger{totals: map[string]int{}} }

// Add adds n to the total of id. It returns ErrNoID if id is empty.
func (l *Ledger) Add(id string, n int) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if id == "" {
		return ErrNoID
	}
	l.add(id, n)
	return nil
}

// Apply replaces the total of id with f(total). If f panics, the panic
// propagates to the caller and the total is unchanged.
func (l *Ledger) Apply(id string, f func(total int) int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.totals[id] = f(l.totals[id])
}

// Move moves n from the total of from to the total of to. It returns
// ErrShort, and moves nothing, if from's total is smaller than n.
func (l *Ledger) Move(from, to string, n int) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.totals[from] < n {
		return ErrShort
	}
	l.totals[from] -= n
	l.add(to, n)
	return nil
}

// add adds n to the total of id. The caller must hold l.mu.
func (l *Ledger) add(id string, n int) { l.totals[id] += n }

// Total returns the total of id.
func (l *Ledger) Total(id string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.totals[id]
}
