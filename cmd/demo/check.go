package main

import (
	"context"
	"fmt"
	"time"

	"github.com/anishathalye/porcupine"

	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/spec"
	"github.com/pckit/pckit/workers"
)

// recordedQueue puts a spec.Recorder between the workers and the queue for
// -check. Each worker calls the queue through its own recorder client (a
// client's calls must not overlap, and a worker makes one call at a time);
// the group's Close goes through a client of its own. The group's Len calls,
// made from any goroutine, go to the queue unrecorded: a read that changes
// nothing can be left out of a history without making it wrong.
type recordedQueue struct {
	q         *queue.Queue[int]
	rec       *spec.Recorder
	producers int
	group     *spec.Client
}

var _ workers.WorkerQueues[int] = (*recordedQueue)(nil)

func newRecordedQueue(q *queue.Queue[int], producers, consumers int) *recordedQueue {
	rec := spec.NewRecorder(q)
	return &recordedQueue{q: q, rec: rec, producers: producers, group: rec.Client(producers + consumers)}
}

// ForWorker returns worker's client: producers 1..P are clients 0..P-1,
// consumers 1..C are clients P..P+C-1, so porcupine's picture shows one row
// per worker.
func (r *recordedQueue) ForWorker(role workers.Role, id int) workers.Queue[int] {
	if role == workers.RoleProducer {
		return r.rec.Client(id - 1)
	}
	return r.rec.Client(r.producers + id - 1)
}

// The group itself only closes the queue (once) and reads its length.
func (r *recordedQueue) Push(ctx context.Context, v int) error { return r.group.Push(ctx, v) }
func (r *recordedQueue) Pop(ctx context.Context) (int, error)  { return r.group.Pop(ctx) }
func (r *recordedQueue) Close()                                { r.group.Close() }
func (r *recordedQueue) Len() int                              { return r.q.Len() }
func (r *recordedQueue) Stats() queue.Stats                    { return r.q.Stats() }

// checkResult is the verdict of -check.
type checkResult struct {
	Operations int           `json:"operations"`
	Pending    int           `json:"pending"` // calls that never returned: must be 0
	Result     string        `json:"result"`  // "ok", "illegal" or "unknown" (timed out)
	Reason     string        `json:"reason,omitempty"`
	Witness    []string      `json:"witness,omitempty"` // the calls that cannot be ordered
	Took       time.Duration `json:"took_ns"`
	HTML       string        `json:"html,omitempty"`
}

func (c checkResult) ok() bool { return c.Result == "ok" && c.Pending == 0 }

func (c checkResult) String() string {
	verdict := map[string]string{
		"ok":      "linearizable",
		"illegal": "NOT linearizable",
		"unknown": "undecided (the checker timed out)",
	}[c.Result]
	s := fmt.Sprintf("history of %d queue calls is %s against the queue's specification", c.Operations, verdict)
	if c.Reason != "" {
		s += ": " + c.Reason
	}
	for _, w := range c.Witness {
		s += "\n  " + w
	}
	if c.Pending > 0 {
		s += fmt.Sprintf("; %d calls never returned", c.Pending)
	}
	if c.HTML != "" {
		s += "; visualization in " + c.HTML
	}
	return s
}

// checkTimeout bounds the linearizability check.
const checkTimeout = time.Minute

// check decides, with spec.CheckHTML, whether the recorded history is
// linearizable against the specification of a FIFO queue of the given
// capacity; if it is not, porcupine's view of the calls that cannot be
// ordered goes to htmlPath (if not empty).
func (r *recordedQueue) check(capacity int, htmlPath string) (checkResult, error) {
	history := r.rec.History()
	res := checkResult{Operations: len(history), Pending: len(r.rec.Pending())}
	start := time.Now()
	verdict, err := spec.CheckHTML(htmlPath, spec.FIFO(capacity), history, checkTimeout)
	res.Took = time.Since(start)
	res.Result = map[porcupine.CheckResult]string{
		porcupine.Ok:      "ok",
		porcupine.Illegal: "illegal",
		porcupine.Unknown: "unknown",
	}[verdict.Verdict]
	if verdict.Verdict != porcupine.Ok {
		res.Reason = verdict.Reason
	}
	for _, op := range verdict.Witness {
		res.Witness = append(res.Witness, fmt.Sprintf("client %d [%d, %d] %s", op.ClientId, op.Call, op.Return,
			spec.DescribeOperation(op.Input.(spec.Input), op.Output.(spec.Output))))
	}
	if verdict.Verdict == porcupine.Illegal && htmlPath != "" && err == nil {
		res.HTML = htmlPath
	}
	return res, err
}
