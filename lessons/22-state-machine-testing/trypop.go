//go:build !broken

package statemachine

// TryPop removes and returns the head item if there is one, without
// waiting. It is pckit's TryPop: on a closed queue it goes on returning
// queued items, and returns ErrClosed only once the queue is drained.
func (q *Queue) TryPop() (int, error) {
	return q.Queue.TryPop()
}
