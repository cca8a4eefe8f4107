//go:build broken

package deferunlock

import (
	"errors"
	"sync"
)

// ErrNoID is returned for an empty producer id.
var ErrNoID = errors.New("ledger: empty producer id")

// ErrShort is returned by Move when the source total is smaller than n.
var ErrShort = errors.New("ledger: total too small")

// Ledger keeps a running total per producer id.
type Ledger struct {
	mu     sync.Mutex
	totals map[string]int
}

// NewLedger returns an empty ledger.
func NewLedger() *Ledger { return &Ledger{totals: map[string]int{}} }

// Add adds n to the total of id. It returns ErrNoID if id is empty.
//
// BROKEN: it unlocks by hand, and the early return skips the Unlock.
func (l *Ledger) Add(id string, n int) error {
	l.mu.Lock()
	if id == "" {
		return ErrNoID // l.mu stays locked
	}
	l.totals[id] += n
	l.mu.Unlock()
	return nil
}

// Apply replaces the total of id with f(total).
//
// BROKEN: if f panics, the Unlock never runs; a caller that recovers the
// panic carries on with l.mu locked.
func (l *Ledger) Apply(id string, f func(total int) int) {
	l.mu.Lock()
	l.totals[id] = f(l.totals[id])
	l.mu.Unlock()
}

// Move moves n from the total of from to the total of to.
//
// BROKEN: double locking. Move holds l.mu and calls Add, which locks l.mu
// again; sync.Mutex is not reentrant, so Move waits for itself forever.
func (l *Ledger) Move(from, to string, n int) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.totals[from] < n {
		return ErrShort
	}
	l.totals[from] -= n
	return l.Add(to, n)
}

// Total returns the total of id.
func (l *Ledger) Total(id string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.totals[id]
}
