//go:build broken

package doubleclose

// Stopper tells goroutines to stop: Stop closes the channel that Done
// returns, and every goroutine waiting on it wakes.
type Stopper struct {
	done chan struct{}
}

// NewStopper returns a Stopper that has not stopped.
func NewStopper() *Stopper { return &Stopper{done: make(chan struct{})} }

// Stop closes Done's channel.
//
// BROKEN: a second call closes a closed channel, and the runtime panics.
func (s *Stopper) Stop() {
	close(s.done)
}

// Done returns a channel that is closed once Stop has been called.
func (s *Stopper) Done() <-chan struct{} { return s.done }
