// Package exercise is lesson 31's exercise: a receiver that closes the
// channel it receives from.
package exercise

import "sync"

// Squares starts a goroutine that sends the squares 1, 4, 9, ... and
// returns the first n of them; the goroutine is gone when Squares returns.
func Squares(n int) []int {
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 1; ; i++ {
			ch <- i * i
		}
	})
	var got []int
	for v := range ch {
		got = append(got, v)
		if len(got) == n {
			close(ch)
			break
		}
	}
	wg.Wait()
	return got
}
