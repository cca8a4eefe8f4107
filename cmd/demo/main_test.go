package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// demoBin is the demo binary, built once by TestMain (with -race when the
// tests run with -race) for the end-to-end tests.
var demoBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pckit-demo-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	demoBin = filepath.Join(dir, "demo")
	args := []string{"build", "-o", demoBin}
	if raceEnabled {
		args = append(args, "-race")
	}
	if out, err := exec.Command("go", append(args, ".")...).CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building the demo: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	if code == 0 {
		if err := goleak.Find(); err != nil {
			fmt.Fprintln(os.Stderr, "goleak:", err)
			code = 1
		}
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// fast are flags for a short run: enough items to see backpressure, no more.
var fast = []string{"-duration", "300ms", "-produce-delay", "5ms", "-consume-delay", "10ms"}

// watchdog bounds a child process so that a hung demo fails its test rather
// than hanging the run; it asserts nothing about time.
const watchdog = 2 * time.Minute

// demoCmd returns the demo binary with args, killed if it outlives the
// watchdog.
func demoCmd(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), watchdog)
	t.Cleanup(cancel)
	return exec.CommandContext(ctx, demoBin, args...)
}

// runDemo runs the demo binary to its end and returns its exit status,
// stdout and stderr.
func runDemo(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	cmd := demoCmd(t, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("running demo %v: %v", args, err)
		}
		code = ee.ExitCode()
	}
	return code, stdout.String(), stderr.String()
}

func decodeSummary(t *testing.T, stdout string) summary {
	t.Helper()
	var s summary
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		t.Fatalf("stdout is not the JSON summary: %v\n%s", err, stdout)
	}
	if dec.More() {
		t.Fatalf("stdout has more than the JSON summary:\n%s", stdout)
	}
	return s
}

// checkSummary checks what every finished run must show: the accounting
// balances, nothing was dropped, failed or left, and the per-worker rows add
// up to the totals and to the accounting.
func checkSummary(t *testing.T, s summary, producers, consumers int) {
	t.Helper()
	a := s.Report.Accounting
	if err := a.Check(); err != nil || !s.Balanced {
		t.Errorf("accounting %v (balanced: %v): %v", a, s.Balanced, err)
	}
	if a.Produced == 0 {
		t.Errorf("accounting %v: nothing was produced", a)
	}
	if a.Dropped != 0 || a.Failed != 0 || a.Left != 0 {
		t.Errorf("accounting %v: a graceful shutdown drops, fails and leaves nothing", a)
	}
	if len(s.Report.Producers) != producers || len(s.Report.Consumers) != consumers {
		t.Fatalf("%d producer rows, %d consumer rows, want %d and %d", len(s.Report.Producers), len(s.Report.Consumers), producers, consumers)
	}
	var produced, consumed int64
	for _, p := range s.Report.Producers {
		produced += p.Items
	}
	for _, c := range s.Report.Consumers {
		consumed += c.Items
	}
	if produced != a.Produced || consumed != a.Consumed || s.Report.ProducerTotal.Items != produced || s.Report.ConsumerTotal.Items != consumed {
		t.Errorf("rows add up to %d produced, %d consumed; totals say %d, %d; accounting %v",
			produced, consumed, s.Report.ProducerTotal.Items, s.Report.ConsumerTotal.Items, a)
	}
	if q := s.Report.Queue; q == nil || q.Pushed != uint64(a.Produced) || q.Popped != uint64(a.Consumed) {
		t.Errorf("the queue's own counters %+v disagree with the accounting %v", q, a)
	}
	if len(s.Errors) != 0 {
		t.Errorf("errors: %v", s.Errors)
	}
}

func TestDemoJSONSummaryBalances(t *testing.T) {
	t.Parallel()
	code, stdout, stderr := runDemo(t, append(fast, "-json", "-producers", "4", "-consumers", "3", "-capacity", "3")...)
	if code != 0 {
		t.Fatalf("exit status %d\nstderr:\n%s", code, stderr)
	}
	s := decodeSummary(t, stdout)
	checkSummary(t, s, 4, 3)
	if s.StoppedBy != "duration" || s.Config.Capacity != 3 || s.Check != nil {
		t.Errorf("stopped by %q, config %+v, check %v", s.StoppedBy, s.Config, s.Check)
	}
	// With -json the events go to stderr, one per item and step.
	if n := strings.Count(stderr, " produced P"); int64(n) != s.Report.Accounting.Produced {
		t.Errorf("%d produced events on stderr, %d produced", n, s.Report.Accounting.Produced)
	}
	if n := strings.Count(stderr, " consumed P"); int64(n) != s.Report.Accounting.Consumed {
		t.Errorf("%d consumed events on stderr, %d consumed", n, s.Report.Accounting.Consumed)
	}
}

// accountingLine matches the summary's accounting line.
var accountingLine = regexp.MustCompile(`accounting: produced (\d+) = consumed (\d+) \+ failed (\d+) \+ left (\d+) in queue`)

// checkTextSummary checks the text output of a finished run: the shutdown
// steps in order, the table, and an accounting line that balances with
// nothing failed or left. It returns the number of items produced.
func checkTextSummary(t *testing.T, out string) int {
	t.Helper()
	last := -1
	for _, step := range []string{"-- StopProducers", "-- CloseQueue", "-- Drain", "-- Join", "Summary:", "all producers", "all consumers", "accounting:"} {
		i := strings.Index(out, step)
		if i < 0 || i < last {
			t.Errorf("%q missing or out of order in:\n%s", step, out)
		}
		last = i
	}
	m := accountingLine.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no accounting line in:\n%s", out)
	}
	var n [4]int
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	if n[0] == 0 || n[0] != n[1]+n[2]+n[3] || n[2] != 0 || n[3] != 0 {
		t.Errorf("accounting line %q: want produced = consumed, nothing failed or left", m[0])
	}
	if !strings.Contains(out, "balanced: nothing lost") {
		t.Errorf("the summary does not say the accounting balances:\n%s", out)
	}
	return n[0]
}

func TestDemoTextSummary(t *testing.T) {
	t.Parallel()
	code, stdout, stderr := runDemo(t, fast...)
	if code != 0 || stderr != "" {
		t.Fatalf("exit status %d, stderr:\n%s", code, stderr)
	}
	produced := checkTextSummary(t, stdout)
	if n := strings.Count(stdout, " produced P"); n != produced {
		t.Errorf("%d produced events, the summary says %d", n, produced)
	}
	if strings.ContainsAny(stdout, "\r\033") {
		t.Error("the status line was drawn although stdout is not a terminal")
	}
	if !strings.Contains(stdout, "time was up") {
		t.Errorf("summary does not say why the run stopped:\n%s", stdout)
	}
}

// TestDemoCheckPasses runs -check-html on a short run: the history of the
// real queue is linearizable, so the verdict is ok and no visualization is
// written (spec.CheckHTML writes one only for an illegal history).
func TestDemoCheckPasses(t *testing.T) {
	t.Parallel()
	html := filepath.Join(t.TempDir(), "history.html")
	code, stdout, stderr := runDemo(t, append(fast, "-json", "-check-html", html)...)
	if code != 0 {
		t.Fatalf("exit status %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	s := decodeSummary(t, stdout)
	checkSummary(t, s, 3, 2)
	c := s.Check
	if c == nil || c.Result != "ok" || c.Pending != 0 || c.HTML != "" || c.Reason != "" || len(c.Witness) != 0 {
		t.Fatalf("check %+v, want ok with no HTML", c)
	}
	// Every push and pop the workers made is in the history: at least one
	// call per item produced and consumed, and the group's Close.
	if min := 2*s.Report.Accounting.Produced + 1; int64(c.Operations) < min {
		t.Errorf("history of %d calls, want at least %d", c.Operations, min)
	}
	if _, err := os.Stat(html); !os.IsNotExist(err) {
		t.Errorf("%s written for a linearizable history (%v)", html, err)
	}

	// Without -json, the verdict is a line of the summary.
	code, stdout, _ = runDemo(t, append(fast, "-check")...)
	if code != 0 || !strings.Contains(stdout, "is linearizable against the queue's specification") {
		t.Errorf("exit status %d, output:\n%s", code, stdout)
	}
}

// startDemo starts the demo with its stream (stdout or stderr, by which)
// piped, and returns a reader of that stream and a buffer that collects the
// other one.
func startDemo(t *testing.T, pipeStderr bool, args ...string) (*exec.Cmd, *bufio.Reader, *bytes.Buffer) {
	t.Helper()
	cmd := demoCmd(t, args...)
	other := new(bytes.Buffer)
	var pipe io.ReadCloser
	var err error
	if pipeStderr {
		cmd.Stdout = other
		pipe, err = cmd.StderrPipe()
	} else {
		cmd.Stderr = other
		pipe, err = cmd.StdoutPipe()
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewReader(pipe), other
}

// interruptAfterFirstEvent reads r until the first event line, sends SIGINT
// to cmd, reads the rest and waits for cmd. It returns all r gave.
func interruptAfterFirstEvent(t *testing.T, cmd *exec.Cmd, r *bufio.Reader) string {
	t.Helper()
	var out strings.Builder
	for {
		line, err := r.ReadString('\n')
		out.WriteString(line)
		if err != nil {
			t.Fatalf("the demo ended before its first event: %v\n%s", err, out.String())
		}
		if strings.Contains(line, " produced P") {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	rest, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	out.Write(rest)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("demo after SIGINT: %v\n%s", err, out.String())
	}
	return out.String()
}

// The run would last an hour: only the SIGINT ends it, gracefully.
func TestDemoSIGINTShutsDownGracefully(t *testing.T) {
	t.Parallel()
	args := []string{"-duration", "1h", "-produce-delay", "5ms", "-consume-delay", "10ms"}

	t.Run("text", func(t *testing.T) {
		t.Parallel()
		cmd, stdout, stderr := startDemo(t, false, args...)
		out := interruptAfterFirstEvent(t, cmd, stdout)
		if stderr.Len() != 0 {
			t.Errorf("stderr: %s", stderr)
		}
		checkTextSummary(t, out)
		if !strings.Contains(out, "StopProducers: interrupted") || !strings.Contains(out, "(interrupted, then a graceful shutdown)") {
			t.Errorf("the output does not say it was interrupted:\n%s", out)
		}
	})

	t.Run("json", func(t *testing.T) {
		t.Parallel()
		cmd, stderr, stdout := startDemo(t, true, append(args, "-json", "-check")...)
		events := interruptAfterFirstEvent(t, cmd, stderr)
		s := decodeSummary(t, stdout.String())
		checkSummary(t, s, 3, 2)
		if s.StoppedBy != "signal" {
			t.Errorf("stopped by %q, want signal", s.StoppedBy)
		}
		if s.Check == nil || !s.Check.ok() {
			t.Errorf("check after SIGINT: %+v", s.Check)
		}
		if n := strings.Count(events, " consumed P"); int64(n) != s.Report.Accounting.Consumed {
			t.Errorf("%d consumed events, %d consumed", n, s.Report.Accounting.Consumed)
		}
	})
}

func TestDemoBadFlagsExit2(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"-capacity", "0"}, "-capacity must be at least 1, got 0"},
		{[]string{"-capacity", "-3"}, "-capacity must be at least 1, got -3"},
		{[]string{"-producers", "0"}, "-producers must be from 1 to 1000, got 0"},
		{[]string{"-producers", "1001"}, "-producers must be from 1 to 1000, got 1001"},
		{[]string{"-consumers", "0"}, "-consumers must be from 1 to 1000, got 0"},
		{[]string{"-duration", "0s"}, "-duration must be more than 0, got 0s"},
		{[]string{"-duration", "-1s"}, "-duration must be more than 0, got -1s"},
		{[]string{"-produce-delay", "-1ms"}, "-produce-delay must not be negative, got -1ms"},
		{[]string{"-consume-delay", "-2s"}, "-consume-delay must not be negative, got -2s"},
		{[]string{"-capacity", "five"}, `invalid value "five" for flag -capacity`},
		{[]string{"-speed", "2"}, "flag provided but not defined: -speed"},
		{[]string{"now"}, `unexpected argument "now"`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := runDemo(t, tc.args...)
			if code != 2 {
				t.Errorf("exit status %d, want 2", code)
			}
			if !strings.Contains(stderr, tc.msg) {
				t.Errorf("stderr does not say %q:\n%s", tc.msg, stderr)
			}
			if stdout != "" {
				t.Errorf("something started despite the bad flag; stdout:\n%s", stdout)
			}
		})
	}
}

func TestDemoHelp(t *testing.T) {
	t.Parallel()
	code, stdout, stderr := runDemo(t, "-h")
	if code != 0 || stdout != "" {
		t.Errorf("-h: exit status %d, stdout %q", code, stdout)
	}
	for _, f := range []string{"-capacity", "-producers", "-consumers", "-duration", "-produce-delay", "-consume-delay", "-check", "-check-html", "-json", "SIGINT", "accounting"} {
		if !strings.Contains(stderr, f) {
			t.Errorf("-h does not explain %s:\n%s", f, stderr)
		}
	}
}
