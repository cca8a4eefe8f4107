// Package exercise is lesson 31's exercise: a receiver that closes the
// channel it receives from.
package exercise

import "sync"

// Squares starts a goroutine that sends the squares 1, 4, 9, ... and
// returns the first n of them; the goroutine is gone when Squares returns.
func Squares(n int) []int {
	ch := make(chan int)
	stop := make(chan struct{}) // closed by the receiver: "enough"
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(ch) // the only sender closes
		for i := 1; ; i++ {
			select {
			case ch <- i * i:
			case <-stop:
				return
			}
		}
	})
	var got []int
	for v := range ch {
		got = append(got, v)
		if len(got) == n {
			close(stop)
			break
		}
	}
	wg.Wait()
	return got
}
