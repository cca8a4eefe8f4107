//go:build !broken

package lockorder

// Transfer moves amount from one account to another, holding both locks.
// It always locks the account with the smaller id first, whatever the
// direction of the transfer, so two transfers never wait on each other in a
// cycle. A transfer from an account to itself changes nothing.
func (b *Bank) Transfer(from, to *Account, amount int) {
	if from == to {
		return
	}
	first, second := from, to
	if second.id < first.id {
		first, second = second, first
	}
	first.mu.Lock() // TLA+ (tla/TwoQueues.tla): Lock1
	defer first.mu.Unlock()
	b.pause()
	second.mu.Lock() // TLA+: Lock2
	defer second.mu.Unlock()
	from.balance -= amount // TLA+: Move
	to.balance += amount
}
