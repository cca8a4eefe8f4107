// Package statemachine is lesson 22: command-based state-machine testing
// with gopter, which runs random call sequences against a queue, checks each
// response against pckit's sequential specification, and shrinks a failing
// sequence to a minimal one.
package statemachine

import "github.com/pckit/pckit/queue"

// Queue is pckit's queue of ints with its own TryPop.
type Queue struct {
	*queue.Queue[int]
}

// New returns an empty queue that holds at most capacity items.
func New(capacity int) (*Queue, error) {
	q, err := queue.New[int](capacity)
	if err != nil {
		return nil, err
	}
	return &Queue{Queue: q}, nil
}
