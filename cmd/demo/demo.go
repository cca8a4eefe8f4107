package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/workers"
)

// run is the demo: it parses args, runs producers and consumers until the
// duration is up or ctx ends (a signal), shuts down gracefully and prints
// the summary. It returns the exit status: 0 ok, 1 the run failed, 2 bad
// flags (nothing is started then).
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case err != nil:
		return 2
	}
	return demo(ctx, cfg, stdout, stderr)
}

// itemBase separates a producer's ID from its sequence number in an item:
// producer p's n-th item is p*itemBase + n, shown as "P<p>-<n>".
const itemBase = 1_000_000

func itemName(v int) string { return fmt.Sprintf("P%d-%d", v/itemBase, v%itemBase) }

// summary is what -json prints.
type summary struct {
	Config    config         `json:"config"`
	StoppedBy string         `json:"stopped_by"` // "duration", "signal" or "error"
	Report    workers.Report `json:"report"`
	Balanced  bool           `json:"balanced"` // the accounting balances
	Errors    []string       `json:"errors,omitempty"`
	Check     *checkResult   `json:"check,omitempty"`
}

// demo runs the demo with a valid config, in named steps, and returns the
// exit status.
func demo(ctx context.Context, cfg config, stdout, stderr io.Writer) int {
	raw, err := queue.New[int](cfg.Capacity)
	if err != nil { // parseFlags has ruled this out
		fmt.Fprintln(stderr, "demo:", err)
		return 2
	}
	var q workers.Queue[int] = raw
	var recorded *recordedQueue
	if cfg.Check {
		recorded = newRecordedQueue(raw, cfg.Producers, cfg.Consumers)
		q = recorded
	}
	events := stdout
	if cfg.JSON {
		events = stderr // stdout carries only the JSON
	}
	r := &demoRun{cfg: cfg, con: &console{w: events, tty: isTerminal(events)}, start: time.Now()}

	runCtx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	g, err := r.startGroup(ctx, runCtx, q)
	if err != nil {
		fmt.Fprintln(stderr, "demo:", err)
		return 2
	}
	stopStatus := r.showStatus(raw)
	// The group ends by itself once stopped: its drain needs no deadline.
	rep, runErr := g.Wait(context.WithoutCancel(ctx))
	stopStatus()

	sum, code := r.summarize(rep, runErr, recorded, stderr)
	if cfg.JSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sum); err != nil {
			fmt.Fprintln(stderr, "demo:", err)
			return 1
		}
		return code
	}
	writeSummary(stdout, sum)
	return code
}

// demoRun is one run of the demo: its settings, its console and what the
// group's callbacks learn while it runs.
type demoRun struct {
	cfg   config
	con   *console
	start time.Time

	produced, consumed atomic.Int64 // for the status line
	stoppedBy          string       // written by the group's shutdown goroutine, read after Wait
}

func (r *demoRun) stamp() string { return fmt.Sprintf("%7.2fs", time.Since(r.start).Seconds()) }

// startGroup makes the producers and consumers and starts them over q;
// ctx ending is a signal, runCtx ending (also) the end of the duration.
func (r *demoRun) startGroup(ctx, runCtx context.Context, q workers.Queue[int]) (*workers.Group[int], error) {
	cfg := r.cfg
	producers := make([]workers.Producer[int], cfg.Producers)
	for i := range producers {
		id := i + 1
		producers[i] = workers.Producer[int]{
			ID:    id,
			Delay: cfg.ProduceDelay,
			Make:  func(_ context.Context, seq int) (int, error) { return id*itemBase + seq, nil },
		}
	}
	consumers := make([]workers.Consumer[int], cfg.Consumers)
	for i := range consumers {
		consumers[i] = workers.Consumer[int]{ID: i + 1, Delay: cfg.ConsumeDelay}
	}
	r.stoppedBy = "error"
	opts := workers.Options[int]{
		OnEvent: func(e workers.Event[int]) {
			switch e.Kind {
			case workers.Produced:
				r.produced.Add(1)
			case workers.Consumed:
				r.consumed.Add(1)
			}
			r.con.line(fmt.Sprintf("%s  %s", r.stamp(), describeEvent(e, cfg.Capacity)))
		},
		OnStep: func(s workers.Step, queued int) {
			if s == workers.StepStopProducers {
				switch {
				case ctx.Err() != nil:
					r.stoppedBy = "signal"
				case runCtx.Err() != nil:
					r.stoppedBy = "duration"
				}
			}
			r.con.line(fmt.Sprintf("%s  -- %s", r.stamp(), describeStep(s, queued, cfg.Capacity, r.stoppedBy)))
		},
	}
	r.con.line(fmt.Sprintf("%s  -- start: %d producers (one item every %v), %d consumers (%v an item), queue capacity %d, for %v",
		r.stamp(), cfg.Producers, cfg.ProduceDelay, cfg.Consumers, cfg.ConsumeDelay, cfg.Capacity, cfg.Duration))
	return workers.Start(runCtx, q, producers, consumers, opts)
}

// showStatus keeps the live status line up to date, on a terminal only,
// until the function it returns is called; that function joins the
// goroutine and erases the line.
func (r *demoRun) showStatus(q *queue.Queue[int]) (stop func()) {
	var status sync.WaitGroup
	done := make(chan struct{})
	if r.con.tty {
		status.Go(func() {
			tick := time.NewTicker(200 * time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-done:
					return
				case <-tick.C:
					r.con.setStatus(statusLine(q.Len(), r.cfg.Capacity, r.produced.Load(), r.consumed.Load(), time.Since(r.start)))
				}
			}
		})
	}
	return func() {
		close(done)
		status.Wait()
		r.con.clearStatus()
	}
}

// summarize makes the summary of a finished run, with the -check verdict if
// the history was recorded, and the exit status.
func (r *demoRun) summarize(rep workers.Report, runErr error, recorded *recordedQueue, stderr io.Writer) (summary, int) {
	sum := summary{Config: r.cfg, StoppedBy: r.stoppedBy, Report: rep, Balanced: rep.Accounting.Check() == nil}
	for _, e := range unjoin(runErr) {
		sum.Errors = append(sum.Errors, e.Error())
	}
	code := 0
	if runErr != nil || !sum.Balanced {
		code = 1
	}
	if recorded != nil {
		res, err := recorded.check(r.cfg.Capacity, r.cfg.CheckHTML)
		if err != nil {
			fmt.Fprintln(stderr, "demo: -check:", err)
			code = 1
		}
		sum.Check = &res
		if !res.ok() {
			code = 1
		}
	}
	return sum, code
}

// unjoin returns the errors joined in err, or err alone.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func describeEvent(e workers.Event[int], capacity int) string {
	depth := fmt.Sprintf("queue %d/%d", e.Len, capacity)
	switch e.Kind {
	case workers.Produced:
		return fmt.Sprintf("producer %d produced %-10s %s", e.WorkerID, itemName(e.Item), depth)
	case workers.Consumed:
		return fmt.Sprintf("consumer %d consumed %-10s %s", e.WorkerID, itemName(e.Item), depth)
	case workers.Dropped:
		return fmt.Sprintf("producer %d DROPPED  %-10s %s: %v", e.WorkerID, itemName(e.Item), depth, e.Err)
	default:
		return fmt.Sprintf("consumer %d FAILED   %-10s %s: %v", e.WorkerID, itemName(e.Item), depth, e.Err)
	}
}

func describeStep(s workers.Step, queued, capacity int, stoppedBy string) string {
	switch s {
	case workers.StepStopProducers:
		why := map[string]string{
			"signal":   "interrupted (again to quit at once)",
			"duration": "time is up",
			"error":    "an error aborts the run",
		}[stoppedBy]
		return fmt.Sprintf("%s: %s, producers stop; queue %d/%d", s, why, queued, capacity)
	case workers.StepCloseQueue:
		return fmt.Sprintf("%s: every producer has returned; the queue is closed", s)
	case workers.StepDrain:
		return fmt.Sprintf("%s: consumers drain the %d items left", s, queued)
	default:
		return fmt.Sprintf("%s: every goroutine has returned; queue %d/%d", s, queued, capacity)
	}
}

// statusLine is the live status line: a bar of the queue's depth against its
// capacity, and the produced and consumed counts with their rates.
func statusLine(depth, capacity int, produced, consumed int64, elapsed time.Duration) string {
	const width = 20
	filled := min(max(depth*width/max(capacity, 1), 0), width)
	if depth > 0 && filled == 0 {
		filled = 1
	}
	bar := strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
	rate := func(n int64) float64 {
		if elapsed <= 0 {
			return 0
		}
		return float64(n) / elapsed.Seconds()
	}
	return fmt.Sprintf("queue [%s] %d/%d  produced %d (%.1f/s)  consumed %d (%.1f/s)  %.1fs",
		bar, depth, capacity, produced, rate(produced), consumed, rate(consumed), elapsed.Seconds())
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.2fs", d.Seconds()) }

// writeSummary prints the summary table, the queue's counters, the
// accounting line and, with -check, the verdict.
func writeSummary(w io.Writer, s summary) {
	r := s.Report
	why := map[string]string{
		"signal":   "interrupted",
		"duration": "time was up",
		"error":    "aborted by an error",
	}[s.StoppedBy]
	fmt.Fprintf(w, "\nSummary: ran %s (%s, then a graceful shutdown)\n\n", seconds(r.Elapsed), why)
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	fmt.Fprintln(tw, "worker\titems\tfailed\terrors\tblocked on queue")
	for _, p := range r.Producers {
		fmt.Fprintf(tw, "producer %d\t%d\t%d\t%d\t%s\n", p.ID, p.Items, p.Failed, p.Errors, seconds(p.Blocked))
	}
	t := r.ProducerTotal
	fmt.Fprintf(tw, "all producers\t%d\t%d\t%d\t%s\n", t.Items, t.Failed, t.Errors, seconds(t.Blocked))
	for _, c := range r.Consumers {
		fmt.Fprintf(tw, "consumer %d\t%d\t%d\t%d\t%s\n", c.ID, c.Items, c.Failed, c.Errors, seconds(c.Blocked))
	}
	t = r.ConsumerTotal
	fmt.Fprintf(tw, "all consumers\t%d\t%d\t%d\t%s\n", t.Items, t.Failed, t.Errors, seconds(t.Blocked))
	tw.Flush()
	if q := r.Queue; q != nil {
		fmt.Fprintf(w, "\nqueue: capacity %d, high water %d; %d pushes waited for room (%s), %d pops waited for an item (%s)\n",
			q.Cap, q.HighWater, q.BlockedPushes, seconds(q.PushWait), q.BlockedPops, seconds(q.PopWait))
	}
	verdict := "balanced: nothing lost"
	if err := r.Accounting.Check(); err != nil {
		verdict = "DOES NOT BALANCE"
	}
	fmt.Fprintf(w, "accounting: %s in queue  (%s)\n", r.Accounting, verdict)
	for _, e := range s.Errors {
		fmt.Fprintf(w, "error: %s\n", e)
	}
	if s.Check != nil {
		fmt.Fprintf(w, "check: %s (%s)\n", s.Check, s.Check.Took.Round(time.Millisecond))
	}
}

// console writes event lines and, on a terminal, keeps a status line under
// them. It is safe for concurrent use: workers write events from their own
// goroutines.
type console struct {
	mu     sync.Mutex
	w      io.Writer
	tty    bool
	status string // the status line on screen, if any
}

const clearLine = "\r\033[K"

// line writes one event line, above the status line.
func (c *console) line(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.status != "" {
		s = clearLine + s + "\n" + c.status
	} else {
		s += "\n"
	}
	io.WriteString(c.w, s) // a demo's output: write errors are not worth stopping for
}

// setStatus redraws the status line; it does nothing unless on a terminal.
func (c *console) setStatus(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.tty {
		return
	}
	c.status = s
	io.WriteString(c.w, clearLine+s)
}

// clearStatus erases the status line.
func (c *console) clearStatus() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.status != "" {
		io.WriteString(c.w, clearLine)
		c.status = ""
	}
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
