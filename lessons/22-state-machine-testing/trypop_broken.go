//go:build broken

package statemachine

import "github.com/pckit/pckit/queue"

// TryPop removes and returns the head item if there is one, without
// waiting.
//
// BROKEN: it returns ErrClosed as soon as the queue is closed, even when
// items are still queued: every item queued before Close is lost to TryPop.
func (q *Queue) TryPop() (int, error) {
	if q.Queue.Closed() {
		return 0, queue.ErrClosed
	}
	return q.Queue.TryPop()
}
