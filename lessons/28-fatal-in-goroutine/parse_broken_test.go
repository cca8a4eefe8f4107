//go:build broken

package fatalgoroutine

import (
	"testing"
	"testing/synctest"
)

// TestParseAll parses every input at once, one goroutine each, and checks
// the total.
//
// BROKEN: a goroutine the test started calls t.Fatalf. FailNow then ends
// that goroutine (runtime.Goexit), not the test: the test's goroutine waits
// for a result nobody will send.
func TestParseAll(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		results := make(chan int)
		for _, s := range inputs() {
			go func() {
				n, err := ParseQuantity(s)
				if err != nil {
					t.Fatalf("ParseQuantity(%q): %v", s, err)
				}
				results <- n
			}()
		}
		total := 0
		for range inputs() {
			total += <-results
		}
		if total != 6 {
			t.Errorf("total = %d, want 6", total)
		}
	})
}
