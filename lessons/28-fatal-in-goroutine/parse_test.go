//go:build !broken

package fatalgoroutine

import (
	"sync"
	"testing"
	"testing/synctest"
)

// TestParseAll parses every input at once, one goroutine each, and checks
// the total. The goroutines hand their errors to the test's goroutine; only
// it calls t.Fatalf.
func TestParseAll(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		type result struct {
			s   string
			n   int
			err error
		}
		results := make(chan result, len(inputs()))
		var wg sync.WaitGroup
		for _, s := range inputs() {
			wg.Go(func() {
				n, err := ParseQuantity(s)
				results <- result{s, n, err}
			})
		}
		wg.Wait()
		close(results)
		total := 0
		for r := range results {
			if r.err != nil {
				t.Fatalf("ParseQuantity(%q): %v", r.s, r.err) // the test's own goroutine
			}
			total += r.n
		}
		if total != 6 {
			t.Errorf("total = %d, want 6", total)
		}
	})
}
