// Package exercise is lesson 14's exercise: an order for queue.NewPriority
// that serves urgent jobs first without starving the others.
package exercise

// Aging is how many arrivals one step of priority is worth: a job of
// priority p must be served before any job that arrives p*Aging or more
// arrivals after it.
const Aging = 4

// Job is a unit of work. Prio runs from 0 (most urgent) to 9; Seq is its
// arrival number (1, 2, 3, …), stamped by whoever queues it.
type Job struct {
	Prio int
	Seq  uint64
}
