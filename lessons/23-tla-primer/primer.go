//go:build !broken

// Package tlaprimer is lesson 23: the TLA+ notation pckit's specs use,
// shown on a spec of its own, Counter.tla (lesson 01's counter), checked
// with both checkers. The broken build checks the model whose increment is
// two steps and fails with the lost update; the fixed build checks the
// model whose increment is one step, and it holds.
package tlaprimer

// Config is the model TestModelCheck checks: Counter.tla with each
// increment one step, as under a mutex (Atomic = TRUE).
const Config = "Counter.cfg"
