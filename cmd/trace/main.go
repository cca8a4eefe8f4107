// Command trace writes a page a learner opens in a browser, for a model of
// tla/models.json:
//
//	go run ./cmd/trace tla/QueueLostWakeup.cfg            # the counterexample, step by step
//	go run ./cmd/trace -play tla/PlayQueuePopIf.cfg       # play the scheduler
//	go run ./cmd/trace tla/QueueLostWakeup.cfg -html out.html
//	go run ./cmd/trace -run pop-wakes-pusher               # a validated run of the Go code
//
// With -run it records a run of the real queue or worker group (a scenario
// of package tla/trace, or queue-N, group-N, group-N-workers for the N-th
// recorded run of its test), has the offline checker validate the log
// against tla/Queue.tla (or tla/Workers.tla), and writes the model's
// behaviour that the log is as a trace page.
//
// Without -play it model-checks the model (with TLC when a tla2tools.jar
// is found, see tla.FindTLC, else with the offline checker; -checker
// picks one) and writes its counterexample as a trace page. With -play it
// exports the model's whole state graph with the offline checker and
// writes a page where the learner schedules the goroutines. Either needs
// the offline checker: run `npm ci --prefix tla` once. The page goes to
// -html, or to a new file in the temporary folder; the command prints its
// path. Run it from the repository root.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/pckit/pckit/tla"
	"github.com/pckit/pckit/tla/page"
	"github.com/pckit/pckit/tla/trace"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "trace:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("trace", flag.ContinueOnError)
	out := fs.String("html", "", "write the page to this file (default: a new file in the temporary folder)")
	play := fs.Bool("play", false, "write a play-the-scheduler page instead of the counterexample")
	checker := fs.String("checker", "auto", "who finds the counterexample: tlc, offline, or auto (TLC when a jar is found)")
	goRun := fs.String("run", "", "record this run of the Go code (a scenario of tla/trace, queue-N, group-N, group-N-workers), validate it and show it")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: go run ./cmd/trace [-play] [-checker tlc|offline|auto] [-html FILE] tla/MODEL.cfg")
		fmt.Fprintln(fs.Output(), "       go run ./cmd/trace -run RUN [-html FILE]")
		fs.PrintDefaults()
	}
	// Flags may come before or after the model.
	var models []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		models = append(models, fs.Arg(0))
		args = fs.Args()[1:]
	}
	command := "go run ./cmd/trace " + strings.Join(os.Args[1:], " ")
	if *goRun != "" && len(models) == 0 {
		return writeRun(ctx, *goRun, *out, command, stdout)
	}
	if len(models) != 1 {
		fs.Usage()
		return errors.New("name one model's .cfg, or a run with -run")
	}
	m, err := modelOf(models[0])
	if err != nil {
		return err
	}

	f, err := create(*out, m.Name, *play)
	if err != nil {
		return err
	}
	defer f.Close()
	if *play {
		err = page.WritePlay(ctx, f, m, command)
	} else {
		err = writeTrace(ctx, f, m, *checker, command)
	}
	if err == nil {
		err = f.Close()
	}
	return finish(f, err, stdout)
}

// finish closes the page's file f, written with error err, and says where
// it is (or removes it).
func finish(f *os.File, err error, stdout io.Writer) error {
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	abs, _ := filepath.Abs(f.Name())
	fmt.Fprintf(stdout, "wrote %s\nopen it in a browser: file://%s\n", f.Name(), abs)
	return nil
}

// writeRun records the named run of the Go code, validates its log and
// writes the page of the model's behaviour that it is.
func writeRun(ctx context.Context, name, out, command string, stdout io.Writer) error {
	log, err := trace.RecordRun(name)
	if err != nil {
		return err
	}
	vs, err := trace.CheckOffline(ctx, []trace.Log{log})
	if err != nil {
		return err
	}
	if !vs[0].Accepted {
		return errors.New(vs[0].Rejection())
	}
	cfg, err := trace.ModelConfig(log)
	if err != nil {
		return err
	}
	f, err := create(out, log.Name, false)
	if err != nil {
		return err
	}
	defer f.Close()
	err = page.WriteTrace(ctx, f, page.TraceInput{
		Name:    log.Name,
		Spec:    log.SpecFile(),
		Config:  cfg,
		Checker: "tla-checker, validating a log of the Go code",
		Proves:  fmt.Sprintf("a run of the Go code (%d logged steps) is this behaviour of %s", len(log.Records), filepath.Base(log.SpecFile())),
		Trace:   vs[0].Behaviour(),
		Command: command,
	})
	if err == nil {
		err = f.Close()
	}
	return finish(f, err, stdout)
}

// modelOf finds the row of tla/models.json whose cfg is the given file.
func modelOf(cfg string) (tla.Model, error) {
	ms, err := tla.Models()
	if err != nil {
		return tla.Model{}, err
	}
	for _, m := range ms {
		if m.Config == filepath.Base(cfg) || m.Name == cfg {
			return m, nil
		}
	}
	return tla.Model{}, fmt.Errorf("%s is no model of tla/models.json", cfg)
}

func create(path, name string, play bool) (*os.File, error) {
	if path != "" {
		return os.Create(path)
	}
	kind := "trace"
	if play {
		kind = "play"
	}
	return os.CreateTemp("", "pckit-"+kind+"-"+name+"-*.html")
}

func writeTrace(ctx context.Context, w io.Writer, m tla.Model, checker, command string) error {
	if m.Verdict == tla.Holds {
		return fmt.Errorf("model %s holds: it has no counterexample to show (try -play)", m.Name)
	}
	var (
		r   tla.Result
		err error
	)
	switch checker {
	case "tlc":
		var jar string
		if jar, err = tla.FindTLC(ctx); err == nil {
			r, err = tla.RunTLC(ctx, jar, m)
		}
	case "offline":
		r, err = tla.RunOffline(ctx, m)
	case "auto":
		if jar, tlcErr := tla.FindTLC(ctx); tlcErr == nil {
			r, err = tla.RunTLC(ctx, jar, m)
		} else {
			r, err = tla.RunOffline(ctx, m)
		}
	default:
		return fmt.Errorf("-checker %s: want tlc, offline or auto", checker)
	}
	if err != nil {
		return err
	}
	if r.Verdict == tla.Holds {
		return fmt.Errorf("%s found no counterexample on %s", r.Checker, m.Name)
	}
	in, err := page.ForModel(m, r)
	if err != nil {
		return err
	}
	in.Command = command
	return page.WriteTrace(ctx, w, in)
}
