//go:build browser

package page

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"github.com/pckit/pckit/tla/trace"
)

// TestValidatedLogPage records a run of the Go queue, validates its log
// against tla/Queue.tla, writes the page of the model's behaviour the log
// is, and opens it in Chromium: it loads with no console error, shows the
// initial state, goes to the last state with the keyboard, and shows there
// each goroutine where the behaviour has it.
func TestValidatedLogPage(t *testing.T) {
	log, err := trace.RecordRun("pop-wakes-pusher")
	if err != nil {
		t.Fatal(err)
	}
	vs, err := trace.CheckOffline(t.Context(), []trace.Log{log})
	if err != nil {
		t.Fatal(err)
	}
	if !vs[0].Accepted {
		t.Fatal(vs[0].Rejection())
	}
	cfg, err := trace.ModelConfig(log)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), log.Name+".html")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	behaviour := vs[0].Behaviour()
	in := TraceInput{Name: log.Name, Spec: log.SpecFile(), Config: cfg, Checker: "tla-checker, validating a log of the Go code", Trace: behaviour}
	if err := WriteTrace(t.Context(), f, in); err != nil {
		t.Fatal(err)
	}
	tr, err := ParseTrace(behaviour)
	if err != nil {
		t.Fatal(err)
	}
	n := len(tr.States)
	if n < 2 {
		t.Fatalf("the behaviour has %d states for %d logged steps", n, len(log.Records))
	}
	ctx, errs := tab(t, browser(t), file)
	if got, want := text(t, ctx, "pos"), fmt.Sprintf("State 1 of %d", n); got != want {
		t.Errorf("first shown: %q, want %q", got, want)
	}
	for range n - 1 {
		press(t, ctx, kb.ArrowRight)
	}
	if got, want := text(t, ctx, "pos"), fmt.Sprintf("State %d of %d", n, n); got != want {
		t.Errorf("after %d presses of →: %q, want %q", n-1, got, want)
	}
	expectPlaces(t, ctx, tr.States[n-1])
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}
