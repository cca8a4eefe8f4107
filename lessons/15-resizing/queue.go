//go:build !broken

// Package resizing is lesson 15: a queue whose capacity changes while it is
// in use. A naive Resize loses items when it shrinks and strands waiting
// pushers when it grows; pckit's Queue.Resize does neither.
package resizing

import "github.com/pckit/pckit/queue"

// Queue is pckit's bounded FIFO queue of ints; see queue.Queue.Resize.
type Queue = queue.Queue[int]

// New returns an empty queue that holds at most capacity items.
func New(capacity int) (*Queue, error) { return queue.New[int](capacity) }
