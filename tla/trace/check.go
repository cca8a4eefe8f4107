package trace

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/pckit/pckit/tla"
)

// Verdict is one checker's decision on one log.
type Verdict struct {
	Log      Log
	Checker  string // "tla-checker" or "tlc"
	Accepted bool   // the log is a behaviour of the model
	// Matched is how many records some behaviour of the model matches: all
	// of them when Accepted. (Found by the offline checker only; TLC's
	// verdict on a rejected log leaves it at -1.)
	Matched  int
	Distinct int // distinct states the check explored
	// Trace is the checker's counterexample text: when Accepted, the
	// model's behaviour that the log is, state by state; otherwise a
	// behaviour that matches the first Matched records.
	Trace   string
	Elapsed time.Duration
}

// States returns how many states Trace lists.
func (v Verdict) States() int { return len(reState.FindAllStringIndex(v.Trace, -1)) }

var (
	reState      = regexp.MustCompile(`(?m)^State \d+`)
	reTraceIndex = regexp.MustCompile(`(?m)^\s*(/\\ )?TraceIndex = \d+\n`)
)

// Behaviour returns the states of Trace without the trace specification's
// TraceIndex: for an accepted log, the behaviour of the model (with
// ModelConfig's constants) that the log is, in the checker's notation,
// ready for a trace page.
func (v Verdict) Behaviour() string { return reTraceIndex.ReplaceAllString(v.Trace, "") }

// Rejection explains a rejected log: the first record no step of the
// model matches, with its wake-ups, and the model's state before it.
func (v Verdict) Rejection() string {
	if v.Accepted {
		return ""
	}
	if v.Matched < 0 || v.Matched >= len(v.Log.Records) {
		return fmt.Sprintf("log %s rejected by %s", v.Log.Name, v.Checker)
	}
	step := v.Log.Records[v.Matched].String()
	for _, r := range v.Log.Records[v.Matched+1:] {
		if !isWake(r) {
			break
		}
		step += " + " + r.String()
	}
	last := v.Trace
	if idx := reState.FindAllStringIndex(v.Trace, -1); len(idx) > 0 {
		last = v.Trace[idx[len(idx)-1][0]:]
	}
	return fmt.Sprintf("log %s rejected by %s: record %d of %d, %s, matches no step of the model; the model's state after the %d records before it:\n%s",
		v.Log.Name, v.Checker, v.Matched+1, len(v.Log.Records), step, v.Matched, strings.TrimSpace(last))
}

// CheckOffline decides every log with the offline checker: two Node
// processes (each loads the checker once) share the logs.
func CheckOffline(ctx context.Context, logs []Log) ([]Verdict, error) {
	if err := tla.FindOffline(); err != nil {
		return nil, err
	}
	half := len(logs) / 2
	var first []Verdict
	var firstErr error
	var wg sync.WaitGroup
	wg.Go(func() { first, firstErr = checkOffline(ctx, logs[:half]) })
	second, err := checkOffline(ctx, logs[half:])
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err != nil {
		return nil, err
	}
	return append(first, second...), nil
}

// checkOffline decides logs in one Node process.
func checkOffline(ctx context.Context, logs []Log) ([]Verdict, error) {
	if len(logs) == 0 {
		return nil, nil
	}
	type job struct {
		Name    string `json:"name"`
		Spec    string `json:"spec"`
		Cfg     string `json:"cfg"`
		Records int    `json:"records"`
	}
	jobs := make([]job, len(logs))
	for i, l := range logs {
		spec, cfg, err := module(l, true)
		if err != nil {
			return nil, err
		}
		jobs[i] = job{l.Name, spec, cfg, len(l.Records)}
	}
	in, err := json.Marshal(jobs)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "node", filepath.Join(dir(), "check.mjs"))
	var stdout, stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(in), &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("trace/check.mjs: %v: %s", err, stderr.String())
	}
	var out []struct {
		Name     string `json:"name"`
		Verdict  string `json:"verdict"`
		Distinct int    `json:"distinct"`
		Trace    string `json:"trace"`
		Matched  int    `json:"matched"`
		Message  string `json:"message"`
		MS       int    `json:"ms"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return nil, fmt.Errorf("trace/check.mjs output: %v: %s", err, stdout.String())
	}
	if len(out) != len(logs) {
		return nil, fmt.Errorf("trace/check.mjs: %d results for %d logs", len(out), len(logs))
	}
	vs := make([]Verdict, len(logs))
	for i, o := range out {
		if o.Verdict != "accepted" && o.Verdict != "rejected" {
			return nil, fmt.Errorf("tla-checker could not check log %s: %s", o.Name, o.Message)
		}
		vs[i] = Verdict{
			Log: logs[i], Checker: "tla-checker", Accepted: o.Verdict == "accepted",
			Matched: o.Matched, Distinct: o.Distinct, Trace: o.Trace,
			Elapsed: time.Duration(o.MS) * time.Millisecond,
		}
	}
	return vs, nil
}

var (
	reTLCMatched = regexp.MustCompile(`Error: Invariant TraceMatched is violated`)
	reTLCCounts  = regexp.MustCompile(`(\d+) states generated, (\d+) distinct states found`)
)

// CheckTLC decides one log with TLC from jar (see tla.FindTLC).
func CheckTLC(ctx context.Context, jar string, log Log) (Verdict, error) {
	spec, cfg, err := Module(log)
	if err != nil {
		return Verdict{}, err
	}
	work, err := os.MkdirTemp("", "pckit-trace-")
	if err != nil {
		return Verdict{}, err
	}
	defer os.RemoveAll(work)
	name := ModuleName(log)
	for file, text := range map[string]string{name + ".tla": spec, name + ".cfg": cfg} {
		if err := os.WriteFile(filepath.Join(work, file), []byte(text), 0o644); err != nil {
			return Verdict{}, err
		}
	}
	cmd := exec.CommandContext(ctx, "java", "-XX:+UseParallelGC", "-Djava.io.tmpdir="+work,
		"-cp", jar, "tlc2.TLC", "-workers", "1", "-deadlock",
		"-metadir", filepath.Join(work, "states"),
		"-config", name+".cfg", name+".tla")
	cmd.Dir = work
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	runErr := cmd.Run()
	v := Verdict{Log: log, Checker: "tlc", Matched: -1, Elapsed: time.Since(start)}
	text := out.String()
	if c := reTLCCounts.FindAllStringSubmatch(text, -1); len(c) > 0 {
		fmt.Sscan(c[len(c)-1][2], &v.Distinct)
	}
	switch {
	case reTLCMatched.MatchString(text):
		v.Accepted, v.Matched = true, len(log.Records)
		if i := strings.Index(text, "Error: The behavior up to this point is:"); i >= 0 {
			v.Trace = text[i:]
			if j := reTLCCounts.FindStringIndex(v.Trace); j != nil {
				v.Trace = v.Trace[:j[0]]
			}
		}
	case strings.Contains(text, "Model checking completed. No error has been found."):
	default:
		return v, fmt.Errorf("tlc on log %s: no verdict (exit: %v):\n%s", log.Name, runErr, text)
	}
	return v, nil
}

// dir is this package's source folder.
func dir() string { return filepath.Join(tla.Dir(), "trace") }
