// Package starvation is lesson 14: a strict-priority queue starves
// low-priority work under a steady stream of urgent work; aging bounds the
// wait. Both are built on pckit's queue.NewPriority.
package starvation

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/pckit/pckit/queue"
)

// MaxPrio is the least urgent priority; 0 is the most urgent.
const MaxPrio = 9

// Aging is how many arrivals one step of priority is worth. The scheduler
// promises that a task of priority p is served before any task submitted
// p*Aging or more submits after it, whatever that task's priority: at most
// p*Aging later tasks are served before it.
const Aging = 8

// Task is a unit of work. Prio is its priority, from 0 (most urgent) to
// MaxPrio.
type Task struct {
	Name string
	Prio int
	seq  uint64 // arrival number, stamped by Submit
}

// Scheduler hands tasks to workers in priority order. It is safe for
// concurrent use. Make one with NewScheduler.
type Scheduler struct {
	q    *queue.Queue[Task]
	next atomic.Uint64 // the next arrival number
}

// NewScheduler returns a scheduler that holds at most capacity tasks.
func NewScheduler(capacity int) (*Scheduler, error) {
	q, err := queue.NewPriority(capacity, before)
	if err != nil {
		return nil, err
	}
	return &Scheduler{q: q}, nil
}

// Submit queues t, waiting while the scheduler is full, or returns ctx.Err().
func (s *Scheduler) Submit(ctx context.Context, t Task) error {
	if t.Prio < 0 || t.Prio > MaxPrio {
		return fmt.Errorf("starvation: priority %d outside 0..%d", t.Prio, MaxPrio)
	}
	t.seq = s.next.Add(1)
	return s.q.Push(ctx, t)
}

// Next removes and returns the task to run next, waiting while there is
// none, or returns ctx.Err().
func (s *Scheduler) Next(ctx context.Context) (Task, error) {
	return s.q.Pop(ctx)
}
