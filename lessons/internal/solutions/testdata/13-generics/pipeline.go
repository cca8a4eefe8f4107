// Package exercise is lesson 13's exercise: a pipeline of durations over a
// queue of one item type.
package exercise

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/pckit/pckit/queue"
)

// Durations is the queue between Produce and Total. Its items are
// time.Durations, and the compiler holds every Push to that.
type Durations = queue.Queue[time.Duration]

// NewDurations returns an empty Durations queue of the given capacity.
func NewDurations(capacity int) (*Durations, error) { return queue.New[time.Duration](capacity) }

// Produce pushes the duration of each step line ("name duration", such as
// "build 1m30s") onto q.
func Produce(ctx context.Context, q *Durations, lines []string) error {
	for _, line := range lines {
		fields := strings.Fields(line)
		d, err := time.ParseDuration(fields[1])
		if err != nil {
			return err
		}
		if err := q.Push(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

// Total pops durations until q is closed and drained, and returns their
// sum.
func Total(ctx context.Context, q *Durations) (time.Duration, error) {
	var total time.Duration
	for {
		v, err := q.Pop(ctx)
		if errors.Is(err, queue.ErrClosed) {
			return total, nil
		}
		if err != nil {
			return total, err
		}
		total += v // a time.Duration: no assertion, nothing to panic
	}
}
