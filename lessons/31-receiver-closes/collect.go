//go:build !broken

// Package receivercloses is lesson 31: a channel closed by its receiver.
// A send on a closed channel panics, so a receiver that closes the channel
// to say "enough" crashes the senders. The fix: the receiver says "stop"
// on a channel of its own, each sender selects on it, and the channel is
// closed by its senders' owner once they have all returned.
package receivercloses

import "sync"

// Collect starts one goroutine per source, each sending its items on one
// channel, and returns the first n items received (fewer if the sources
// hold fewer).
func Collect(sources [][]int, n int) []int {
	ch := make(chan int)
	stop := make(chan struct{}) // closed by the receiver: "enough"
	var senders sync.WaitGroup
	for _, src := range sources {
		senders.Go(func() {
			for _, v := range src {
				select {
				case ch <- v:
				case <-stop:
					return
				}
			}
		})
	}
	var closer sync.WaitGroup
	closer.Go(func() {
		senders.Wait()
		close(ch) // the senders' owner closes, once no sender is left
	})
	var got []int
	for v := range ch {
		got = append(got, v)
		if len(got) == n {
			close(stop)
			break
		}
	}
	closer.Wait() // every sender has returned, and ch is closed
	return got
}
