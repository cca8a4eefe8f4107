// Package linearizable is lesson 21: a queue whose every method is locked
// ("thread-safe") yet whose batch pop is not linearizable, caught by
// porcupine against pckit's sequential specification.
package linearizable

import "github.com/pckit/pckit/queue"

// Queue is pckit's queue of ints with its own PopBatch.
type Queue struct {
	*queue.Queue[int]

	// Yield, if not nil, is called by PopBatch at the point where it lets
	// other goroutines at the queue while it is in progress. Tests use it
	// to script an interleaving; it is nil otherwise.
	Yield func()
}

// New returns an empty queue that holds at most capacity items.
func New(capacity int) (*Queue, error) {
	q, err := queue.New[int](capacity)
	if err != nil {
		return nil, err
	}
	return &Queue{Queue: q}, nil
}

func (q *Queue) yield() {
	if q.Yield != nil {
		q.Yield()
	}
}
