//go:build broken

package lockorder

// Transfer moves amount from one account to another, holding both locks.
//
// BROKEN: it locks from, then to. Transfer(a, b) and Transfer(b, a) running
// at once can each take their first lock and then wait forever for the
// other's: lock-order inversion (AB-BA).
func (b *Bank) Transfer(from, to *Account, amount int) {
	from.mu.Lock() // TLA+ (tla/TwoQueues.tla): Lock1
	defer from.mu.Unlock()
	b.pause()
	to.mu.Lock() // TLA+: Lock2
	defer to.mu.Unlock()
	from.balance -= amount // TLA+: Move
	to.balance += amount
}
