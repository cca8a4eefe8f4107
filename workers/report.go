package workers

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pckit/pckit/queue"
)

// WorkerStats counts what one worker did.
type WorkerStats struct {
	ID int `json:"id"`
	// Items is, for a producer, the items the queue accepted from it; for a
	// consumer, the items it handled without error.
	Items int64 `json:"items"`
	// Failed is, for a producer, the items it made that the queue did not
	// accept (the group aborted, or someone else closed the queue, while it
	// pushed: dropped); for a consumer, the items it popped whose handling
	// failed (an error, a panic, or an abort during its Delay).
	Failed int64 `json:"failed"`
	// Errors is the number of errors the worker reported.
	Errors int64 `json:"errors"`
	// Blocked is the total time the worker spent inside Push (producer) or
	// Pop (consumer) calls: the time it waited on the queue.
	Blocked time.Duration `json:"blocked_ns"`
}

func (s *WorkerStats) add(o WorkerStats) {
	s.Items += o.Items
	s.Failed += o.Failed
	s.Errors += o.Errors
	s.Blocked += o.Blocked
}

// Accounting is the conservation law of a run: every item that entered the
// queue is consumed, failed, or still in the queue.
//
//	Initial + Produced = Consumed + Failed + Left
//
// Dropped items never entered the queue: they are reported, not part of the
// equation.
type Accounting struct {
	Initial  int64 `json:"initial"`  // items in the queue when the group started
	Produced int64 `json:"produced"` // items the queue accepted from the producers
	Dropped  int64 `json:"dropped"`  // items producers made that the queue did not accept
	Consumed int64 `json:"consumed"` // items consumers handled without error
	Failed   int64 `json:"failed"`   // items consumers popped whose handling failed
	Left     int64 `json:"left"`     // items in the queue at the end
}

// Check returns nil if the accounting balances, and an error saying how it
// does not otherwise. It is meaningful on the Report that Wait returns, when
// the group's producers are the only ones pushing onto the queue and its
// consumers the only ones popping.
func (a Accounting) Check() error {
	in, out := a.Initial+a.Produced, a.Consumed+a.Failed+a.Left
	if in != out {
		return fmt.Errorf("workers: accounting does not balance: %s (%d in, %d out)", a, in, out)
	}
	return nil
}

// String returns the accounting as one line, in the form
// "produced 12 = consumed 9 + failed 0 + left 3".
func (a Accounting) String() string {
	var b strings.Builder
	if a.Initial != 0 {
		fmt.Fprintf(&b, "initial %d + ", a.Initial)
	}
	fmt.Fprintf(&b, "produced %d = consumed %d + failed %d + left %d", a.Produced, a.Consumed, a.Failed, a.Left)
	if a.Dropped != 0 {
		fmt.Fprintf(&b, " (dropped %d)", a.Dropped)
	}
	return b.String()
}

// Report is what a group did: per-worker stats, their totals and the
// accounting.
type Report struct {
	Producers     []WorkerStats `json:"producers"` // in the order given to Start
	Consumers     []WorkerStats `json:"consumers"` // in the order given to Start
	ProducerTotal WorkerStats   `json:"producer_total"`
	ConsumerTotal WorkerStats   `json:"consumer_total"`
	Accounting    Accounting    `json:"accounting"`
	// Queue is the queue's own counters, if it has a Stats method like
	// *queue.Queue's; nil otherwise.
	Queue *queue.Stats `json:"queue,omitempty"`
	// Elapsed is the time from Start to the end of Join.
	Elapsed time.Duration `json:"elapsed_ns"`
}

// statsQueue is the optional interface a queue implements to have its own
// counters in the report.
type statsQueue interface {
	Stats() queue.Stats
}

// counters are one worker's counts: written by the worker's goroutine, read
// once it has been joined.
type counters struct {
	items, failed, errors, blocked atomic.Int64
}

func (c *counters) snapshot(id int) WorkerStats {
	return WorkerStats{
		ID:      id,
		Items:   c.items.Load(),
		Failed:  c.failed.Load(),
		Errors:  c.errors.Load(),
		Blocked: time.Duration(c.blocked.Load()),
	}
}

// EventKind says what happened to an item.
type EventKind uint8

// The kinds of Event.
const (
	// Produced: the queue accepted a producer's item.
	Produced EventKind = iota + 1
	// Dropped: a producer made an item that the queue did not accept (the
	// group aborted, or the queue was closed by someone else, while it
	// pushed). Err says why.
	Dropped
	// Consumed: a consumer handled an item without error.
	Consumed
	// Failed: a consumer's handling of an item failed. Err says why.
	Failed
)

func (k EventKind) String() string {
	switch k {
	case Produced:
		return "produced"
	case Dropped:
		return "dropped"
	case Consumed:
		return "consumed"
	case Failed:
		return "failed"
	}
	return fmt.Sprintf("EventKind(%d)", k)
}

// Event is one item's step, passed to Options.OnEvent.
type Event[T any] struct {
	Kind     EventKind
	WorkerID int // the producer's ID for Produced and Dropped, else the consumer's
	Item     T
	// Seq counts the worker's events of this Kind, from 1.
	Seq int64
	// Len is the queue's length when the event was emitted (racy by nature:
	// other workers go on meanwhile).
	Len int
	// Wait is how long the Push or Pop of this item waited on the queue.
	Wait time.Duration
	// Err is why the item was dropped or failed; nil otherwise.
	Err error
}
