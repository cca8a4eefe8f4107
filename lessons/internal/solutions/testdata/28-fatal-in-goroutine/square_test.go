//go:build exercise

package exercise

import (
	"testing"
	"testing/synctest"
)

// TestSquares squares every input at once, one goroutine each, and checks
// the sum.
func TestSquares(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		type result struct {
			s   string
			n   int
			err error
		}
		results := make(chan result, len(inputs())) // room for every result: no sender blocks
		for _, s := range inputs() {
			go func() {
				n, err := Square(s)
				results <- result{s, n, err} // the error goes to the test's goroutine
			}()
		}
		sum := 0
		for range inputs() {
			r := <-results
			if r.err != nil {
				t.Fatalf("Square(%q): %v", r.s, r.err) // the test's own goroutine
			}
			sum += r.n
		}
		if sum != 14 {
			t.Errorf("sum of squares = %d, want 14", sum)
		}
	})
}
