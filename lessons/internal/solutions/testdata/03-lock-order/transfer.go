// Package exercise is lesson 03's exercise: the transfer between two
// accounts, with sync.Mutex this time. Its check:
//
//	go test -tags exercise -race ./lessons/03-lock-order/exercise/
package exercise

import "sync"

// Account is a balance guarded by its own mutex. (Keep the field names:
// the check uses them.)
type Account struct {
	id      int // the account's rank in a global lock order
	mu      sync.Mutex
	balance int
}

// NewAccount returns an account with a distinct id and an opening balance.
func NewAccount(id, balance int) *Account { return &Account{id: id, balance: balance} }

// Balance returns the account's balance.
func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

// Bank moves money between accounts.
type Bank struct {
	// Pause, if not nil, is called by Transfer while it holds its first
	// lock. The check uses it to script an interleaving.
	Pause func()
}

// Transfer moves amount from one account to another, holding both locks.
func (b *Bank) Transfer(from, to *Account, amount int) {
	if from == to {
		return
	}
	first, second := from, to // one global order: by id
	if second.id < first.id {
		first, second = second, first
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	if b.Pause != nil {
		b.Pause()
	}
	second.mu.Lock()
	defer second.mu.Unlock()
	from.balance -= amount
	to.balance += amount
}
