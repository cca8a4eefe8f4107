//go:build broken

package receivercloses

import "sync"

// Collect starts one goroutine per source, each sending its items on one
// channel, and returns the first n items received.
//
// BROKEN: the receiver closes the channel once it has n items, while the
// senders still have items to send: the next send on the closed channel
// panics, and the panic ends the program.
func Collect(sources [][]int, n int) []int {
	ch := make(chan int)
	var wg sync.WaitGroup
	for _, src := range sources {
		wg.Go(func() {
			for _, v := range src {
				ch <- v
			}
		})
	}
	var got []int
	for v := range ch {
		got = append(got, v)
		if len(got) == n {
			close(ch) // the receiver closes
			break
		}
	}
	wg.Wait()
	return got
}
