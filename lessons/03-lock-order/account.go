// Package lockorder is lesson 03: a deadlock by lock-order inversion (AB-BA)
// between two transfers, caught in a testing/synctest bubble and in TLA+, and
// the fix (one global lock order).
package lockorder

// Account is a balance guarded by its own lock.
type Account struct {
	id      int // the account's rank in the global lock order
	mu      mutex
	balance int
}

// NewAccount returns an account with the given id and opening balance. Ids
// must be distinct: they fix the order in which Transfer locks accounts.
func NewAccount(id, balance int) *Account {
	return &Account{id: id, mu: make(mutex, 1), balance: balance}
}

// Balance returns the account's balance.
func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

// mutex is a lock made of a one-slot channel: Lock fills the slot, Unlock
// empties it. It behaves as a sync.Mutex does here, and a goroutine blocked
// in its Lock is durably blocked in the sense of testing/synctest (one
// blocked in sync.Mutex.Lock is not), so a bubble can report the deadlock.
type mutex chan struct{}

func (m mutex) Lock()   { m <- struct{}{} }
func (m mutex) Unlock() { <-m }

// Bank moves money between accounts.
type Bank struct {
	// Pause, if not nil, is called by Transfer while it holds its first
	// lock. Tests use it to script an interleaving; it is nil otherwise.
	Pause func()
}

func (b *Bank) pause() {
	if b.Pause != nil {
		b.Pause()
	}
}
