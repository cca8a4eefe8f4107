//go:build broken

package tlaprimer

// Config is the model TestModelCheck checks.
//
// BROKEN: CounterRace.cfg sets Atomic = FALSE: each increment is a load
// and a store, two steps another goroutine can run between, as `c.n++`
// without a mutex. Two goroutines can both load 0 and both store 1: the
// invariant AllCounted fails.
const Config = "CounterRace.cfg"
