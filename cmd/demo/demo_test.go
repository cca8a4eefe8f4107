package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// In-process tests of run: the same code as the binary, under the test's
// race detector.

func TestNoFlagsIsTheGuidesDemo(t *testing.T) {
	var stderr bytes.Buffer
	c, err := parseFlags(nil, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	want := config{Capacity: 5, Producers: 3, Consumers: 2, Duration: 15 * time.Second,
		ProduceDelay: 500 * time.Millisecond, ConsumeDelay: time.Second}
	if c != want {
		t.Errorf("defaults %+v, want %+v", c, want)
	}
	c, err = parseFlags([]string{"-check-html", "h.html"}, &stderr)
	if err != nil || !c.Check {
		t.Errorf("-check-html does not imply -check: %+v, %v", c, err)
	}
}

func TestRunInProcess(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(t.Context(), append(fast, "-json", "-check"), &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit status %d\n%s", code, stderr.String())
	}
	var s summary
	if err := json.Unmarshal(stdout.Bytes(), &s); err != nil {
		t.Fatal(err)
	}
	checkSummary(t, s, 3, 2)
	if s.Check == nil || !s.Check.ok() {
		t.Errorf("check: %+v", s.Check)
	}
}

// A context that ends is what a signal does to run: the summary is still
// printed, and nothing is lost.
func TestRunStopsGracefullyWhenItsContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	var stdout, stderr bytes.Buffer
	time.AfterFunc(50*time.Millisecond, cancel)
	code := run(ctx, []string{"-duration", "1h", "-produce-delay", "1ms", "-consume-delay", "2ms", "-json"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit status %d\n%s", code, stderr.String())
	}
	var s summary
	if err := json.Unmarshal(stdout.Bytes(), &s); err != nil {
		t.Fatal(err)
	}
	checkSummary(t, s, 3, 2)
	if s.StoppedBy != "signal" {
		t.Errorf("stopped by %q, want signal", s.StoppedBy)
	}
}

func TestRunBadFlagsStartsNothing(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"-consumers", "0"}, &stdout, &stderr); code != 2 {
		t.Errorf("exit status %d, want 2", code)
	}
	if stdout.Len() != 0 || !strings.Contains(stderr.String(), "-consumers must be from 1 to 1000") {
		t.Errorf("stdout %q, stderr %q", stdout.String(), stderr.String())
	}
}

func TestStatusLine(t *testing.T) {
	got := statusLine(3, 5, 10, 8, 2*time.Second)
	want := "queue [████████████░░░░░░░░] 3/5  produced 10 (5.0/s)  consumed 8 (4.0/s)  2.0s"
	if got != want {
		t.Errorf("statusLine:\n got %q\nwant %q", got, want)
	}
	if got := statusLine(1, 1000, 0, 0, 0); !strings.Contains(got, "[█░") {
		t.Errorf("a non-empty queue shows an empty bar: %q", got)
	}
	if got := statusLine(7, 5, 0, 0, 0); !strings.Contains(got, "["+strings.Repeat("█", 20)+"]") {
		t.Errorf("a queue over capacity (after a shrink) overflows the bar: %q", got)
	}
}

func TestConsoleKeepsTheStatusLineBelowEvents(t *testing.T) {
	var b bytes.Buffer
	c := &console{w: &b, tty: true}
	c.line("one")
	c.setStatus("[status]")
	c.line("two")
	c.clearStatus()
	c.line("three")
	want := "one\n" + clearLine + "[status]" + clearLine + "two\n[status]" + clearLine + "three\n"
	if b.String() != want {
		t.Errorf("terminal output\n got %q\nwant %q", b.String(), want)
	}

	b.Reset()
	c = &console{w: &b, tty: false}
	c.setStatus("[status]")
	c.line("one")
	if b.String() != "one\n" {
		t.Errorf("not a terminal: got %q, want only the event line", b.String())
	}
}
