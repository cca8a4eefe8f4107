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
		squares := make(chan int)
		for _, s := range inputs() {
			go func() {
				n, err := Square(s)
				if err != nil {
					t.Fatalf("Square(%q): %v", s, err)
				}
				squares <- n
			}()
		}
		sum := 0
		for range inputs() {
			sum += <-squares
		}
		if sum != 14 {
			t.Errorf("sum of squares = %d, want 14", sum)
		}
	})
}
