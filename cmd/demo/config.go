package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"
)

// config is the demo's settings, from its command line. The defaults are the
// guide's run_producer_consumer_demo(queue_capacity=5, num_producers=3,
// num_consumers=2, run_time=15), with its delays of 0.5 s and 1 s.
type config struct {
	Capacity     int           `json:"capacity"`
	Producers    int           `json:"producers"`
	Consumers    int           `json:"consumers"`
	Duration     time.Duration `json:"duration_ns"`
	ProduceDelay time.Duration `json:"produce_delay_ns"`
	ConsumeDelay time.Duration `json:"consume_delay_ns"`
	Check        bool          `json:"check"`
	CheckHTML    string        `json:"check_html,omitempty"`
	JSON         bool          `json:"json"`
}

const usageHead = `Usage: demo [flags]

Runs producers and consumers over one bounded blocking queue, as the guide's
run_producer_consumer_demo does, and prints what happens: who produced or
consumed which item, and the queue's depth. With slower consumers than
producers the queue fills up and producers wait for room: backpressure. On a
terminal a status line shows the queue's depth against its capacity.

When the duration is up, or on Ctrl-C (SIGINT) or SIGTERM, it shuts down
gracefully: producers stop, the queue is closed once they all have, consumers
drain it, every goroutine is joined. Then it prints a summary table and the
accounting produced = consumed + failed + left, which must balance. A second
Ctrl-C quits at once.

Exit status: 0 if all went well, 1 if the run failed (an error, an accounting
that does not balance, a history that is not linearizable), 2 for bad flags.

Flags:
`

// maxWorkers bounds -producers and -consumers: each is a goroutine and a
// line of the summary.
const maxWorkers = 1000

// parseFlags reads args into a config. It writes -h's help, or a message
// about a bad flag, to stderr; the error is flag.ErrHelp for -h.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	c := config{}
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usageHead)
		fs.PrintDefaults()
	}
	fs.IntVar(&c.Capacity, "capacity", 5, "the queue's capacity: how many items it holds before producers must wait (at least 1)")
	fs.IntVar(&c.Producers, "producers", 3, "number of producers (1 to 1000)")
	fs.IntVar(&c.Consumers, "consumers", 2, "number of consumers (1 to 1000)")
	fs.DurationVar(&c.Duration, "duration", 15*time.Second, "how long producers run before the graceful shutdown (> 0), e.g. 15s, 300ms")
	fs.DurationVar(&c.ProduceDelay, "produce-delay", 500*time.Millisecond, "time a producer takes to make one item (>= 0)")
	fs.DurationVar(&c.ConsumeDelay, "consume-delay", time.Second, "time a consumer takes to handle one item (>= 0)")
	fs.BoolVar(&c.Check, "check", false, "record the whole run's history of queue calls and check that it is linearizable\nagainst the queue's sequential specification (spec.Check)")
	fs.StringVar(&c.CheckHTML, "check-html", "", "with -check (implied): if the history is not linearizable, write porcupine's\nvisualization of the calls that cannot be ordered to `FILE`")
	fs.BoolVar(&c.JSON, "json", false, "print the summary as JSON on stdout (the events then go to stderr)")

	if err := fs.Parse(args); err != nil {
		return c, err // the flag package has said what is wrong
	}
	if fs.NArg() > 0 {
		return c, usageError(fs, "unexpected argument %q", fs.Arg(0))
	}
	if c.CheckHTML != "" {
		c.Check = true
	}
	switch {
	case c.Capacity < 1:
		return c, usageError(fs, "-capacity must be at least 1, got %d", c.Capacity)
	case c.Producers < 1 || c.Producers > maxWorkers:
		return c, usageError(fs, "-producers must be from 1 to %d, got %d", maxWorkers, c.Producers)
	case c.Consumers < 1 || c.Consumers > maxWorkers:
		return c, usageError(fs, "-consumers must be from 1 to %d, got %d", maxWorkers, c.Consumers)
	case c.Duration <= 0:
		return c, usageError(fs, "-duration must be more than 0, got %v", c.Duration)
	case c.ProduceDelay < 0:
		return c, usageError(fs, "-produce-delay must not be negative, got %v", c.ProduceDelay)
	case c.ConsumeDelay < 0:
		return c, usageError(fs, "-consume-delay must not be negative, got %v", c.ConsumeDelay)
	}
	return c, nil
}

// errUsage marks a bad command line whose message is already written.
var errUsage = errors.New("bad usage")

func usageError(fs *flag.FlagSet, format string, args ...any) error {
	fmt.Fprintf(fs.Output(), "demo: "+format+"\nRun 'demo -h' for help.\n", args...)
	return errUsage
}
