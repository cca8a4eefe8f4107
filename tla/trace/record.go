// Package trace validates recorded runs of the real queue and worker group
// against the TLA+ models: a run's log of queue.Step records becomes a
// generated TLA+ module (QueueTrace.tla after tla/Queue.tla), and a model
// checker decides whether the log is a behaviour of the model.
//
// Both checkers of package tla decide: tla-checker (offline, run with Node
// through tla/trace.mjs, many logs per process) and TLC when it is found.
// An accepted log comes with the model's behaviour that matches it, as the
// checker's counterexample text; a rejected one names the first record no
// step of the model can match and the model's state before it.
package trace

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/tla"
)

// Record is one logged step, in the model's terms.
type Record struct {
	Op   string `json:"op"`             // queue.Step.Action
	P    string `json:"p,omitempty"`    // the goroutine: "p1", "c2", or "" when the call has no context
	Cond string `json:"cond,omitempty"` // "notFull" or "notEmpty"
	Ts   []int  `json:"ts,omitempty"`   // tickets of the items moved: the n-th item pushed is n
	N    int    `json:"n,omitempty"`    // Resize's capacity
	Err  string `json:"err,omitempty"`  // "closed", "ctx", "full" or "empty"
}

func (r Record) String() string {
	var b strings.Builder
	b.WriteString(r.Op)
	var args []string
	for _, a := range []string{r.P, r.Cond} {
		if a != "" {
			args = append(args, a)
		}
	}
	if r.Ts != nil {
		args = append(args, fmt.Sprint("items ", r.Ts))
	}
	if r.Op == "Resize" {
		args = append(args, fmt.Sprint(r.N))
	}
	if r.Err != "" {
		args = append(args, "err "+r.Err)
	}
	if len(args) > 0 {
		b.WriteString("(" + strings.Join(args, ", ") + ")")
	}
	return b.String()
}

// Log is one recorded run and the model constants it runs under.
type Log struct {
	Name        string   `json:"name"`
	Model       string   `json:"model,omitempty"` // QueueModel (if empty) or WorkersModel
	Producers   []string `json:"producers"`
	Consumers   []string `json:"consumers"`
	Cancellable []string `json:"cancellable"` // goroutines whose context may end
	Cap         int      `json:"cap"`         // the capacity the queue was made with
	Items       int      `json:"items"`       // the most items a producer pushes
	// Queue only: goroutines that call PushBatch (with all the items they
	// have left) or PopBatch (with BatchLen slots), and goroutines that may
	// also call TryPush or TryPop.
	Batch       []string `json:"batch,omitempty"`
	BatchLen    int      `json:"batchLen,omitempty"`
	NonBlocking []string `json:"nonBlocking,omitempty"`
	Records     []Record `json:"records"`
}

type procKey struct{}

// WithProc returns ctx naming the goroutine that uses it, as Records do.
func WithProc(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, procKey{}, name)
}

// Recorder turns the queue.Step reports of a queue of ints into Records.
// Items must be distinct: each is given a ticket when it is pushed.
type Recorder struct {
	mu      sync.Mutex
	records []Record
	tickets map[int]int
}

// NewRecorder returns an empty recorder.
func NewRecorder() *Recorder { return &Recorder{tickets: map[int]int{}} }

// Step records s; pass it to queue.(*Queue).Trace.
func (r *Recorder) Step(s queue.Step[int]) {
	rec := Record{Op: s.Action, Cond: s.Cond, N: s.N, Err: errName(s.Err)}
	if s.Ctx != nil {
		rec.P, _ = s.Ctx.Value(procKey{}).(string)
	}
	if s.Items != nil || strings.HasSuffix(s.Action, "Batch") {
		rec.Ts = []int{}
	}
	pushing := s.Action == "Push" || s.Action == "TryPush" || s.Action == "PushBatch"
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, v := range s.Items {
		if pushing {
			r.tickets[v] = len(r.tickets) + 1
		}
		rec.Ts = append(rec.Ts, r.tickets[v]) // 0: an item never pushed
	}
	r.records = append(r.records, rec)
}

func (r *Recorder) add(rec Record) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.records = append(r.records, rec)
}

// Records returns what was recorded so far.
func (r *Recorder) Records() []Record {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Record(nil), r.records...)
}

func errName(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, queue.ErrClosed):
		return "closed"
	case errors.Is(err, queue.ErrFull):
		return "full"
	case errors.Is(err, queue.ErrEmpty):
		return "empty"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return "ctx"
	}
	return err.Error()
}

// SpecFile returns the path of the log's model, tla/Queue.tla or
// tla/Workers.tla.
func (l Log) SpecFile() string { return filepath.Join(tla.Dir(), l.model()+".tla") }

func (l Log) model() string {
	if l.Model == "" {
		return QueueModel
	}
	return l.Model
}

// RecordRun records the named run of the real code: a scenario of Scenarios,
// "queue-N" (RunQueue(N)), or "group-N" or "group-N-workers" (RunGroup(N):
// the queue's log, or the group's, which an aborted run has not).
func RecordRun(name string) (Log, error) {
	if run, ok := Scenarios[name]; ok {
		return run()
	}
	kind, seed, _ := strings.Cut(strings.TrimSuffix(name, "-workers"), "-")
	n, err := strconv.ParseUint(seed, 10, 64)
	switch {
	case err != nil:
	case kind == "queue" && name == "queue-"+seed:
		return RunQueue(n)
	case kind == "group":
		queueLog, groupLog, aborted, err := RunGroup(n)
		if !strings.HasSuffix(name, "-workers") {
			return queueLog, err
		}
		if aborted {
			return Log{}, fmt.Errorf("run %s: the group aborted, and Workers.tla has no abort", name)
		}
		return groupLog, err
	}
	return Log{}, fmt.Errorf("no run %q: name a scenario (%s), queue-N, group-N or group-N-workers", name, strings.Join(slices.Sorted(maps.Keys(Scenarios)), ", "))
}
