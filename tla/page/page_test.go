//go:build browser

package page

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/pckit/pckit/tla"
)

// checkers returns the checkers that find counterexamples here: the
// offline one always (the test fails without it), TLC when a jar is found.
func checkers(t *testing.T) []string {
	if err := tla.FindOffline(); err != nil {
		t.Fatal(err)
	}
	cs := []string{"tla-checker"}
	if _, err := tla.FindTLC(t.Context()); err == nil {
		cs = append(cs, "tlc")
	} else {
		t.Logf("TLC not found (%v): pages of the offline checker's traces only", err)
	}
	return cs
}

func run(t *testing.T, checker string, m tla.Model) tla.Result {
	t.Helper()
	var (
		r   tla.Result
		err error
	)
	if checker == "tlc" {
		jar, jerr := tla.FindTLC(t.Context())
		if jerr != nil {
			t.Fatal(jerr)
		}
		r, err = tla.RunTLC(t.Context(), jar, m)
	} else {
		r, err = tla.RunOffline(t.Context(), m)
	}
	if err != nil {
		t.Fatal(err)
	}
	if r.Verdict != m.Verdict || r.Violated != m.Violated {
		t.Fatalf("%s on %s: %s %s, want %s %s", checker, m.Name, r.Verdict, r.Violated, m.Verdict, m.Violated)
	}
	return r
}

// TestTracePages writes the trace page of every counterexample in
// tla/models.json, from each checker, and opens it in Chromium: it loads
// with no console error, shows the initial state, goes to the last state
// with the keyboard, shows there each goroutine where the trace has it,
// and names the violated property.
func TestTracePages(t *testing.T) {
	ms, err := tla.Models()
	if err != nil {
		t.Fatal(err)
	}
	cs := checkers(t)
	ctx := browser(t)
	for _, m := range ms {
		if m.Verdict == tla.Holds {
			continue
		}
		for _, checker := range cs {
			t.Run(m.Name+"/"+checker, func(t *testing.T) {
				t.Parallel()
				r := run(t, checker, m)
				file := filepath.Join(t.TempDir(), m.Name+".html")
				f, err := os.Create(file)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				in, err := ForModel(m, r)
				if err != nil {
					t.Fatal(err)
				}
				if err := WriteTrace(t.Context(), f, in); err != nil {
					t.Fatal(err)
				}
				tr, err := ParseTrace(r.Trace)
				if err != nil {
					t.Fatal(err)
				}
				n := len(tr.States)
				if n != m.TraceStates {
					t.Errorf("%d states in the trace, models.json says %d", n, m.TraceStates)
				}
				tabCtx, errs := tab(t, ctx, file)
				if got, want := text(t, tabCtx, "pos"), fmt.Sprintf("State 1 of %d", n); got != want {
					t.Errorf("first shown: %q, want %q", got, want)
				}
				if got := text(t, tabCtx, "action"); !strings.Contains(got, "Initial state") {
					t.Errorf("the first step reads %q", got)
				}
				if got := text(t, tabCtx, "verdict"); got != "" {
					t.Errorf("a verdict before the last state: %q", got)
				}
				for range n - 1 {
					press(t, tabCtx, kb.ArrowRight)
				}
				if got, want := text(t, tabCtx, "pos"), fmt.Sprintf("State %d of %d", n, n); got != want {
					t.Errorf("after %d presses of →: %q, want %q", n-1, got, want)
				}
				want := m.Violated
				if m.Verdict == tla.Deadlock {
					want = "Deadlock"
				}
				if got := text(t, tabCtx, "verdict"); !strings.Contains(got, want) {
					t.Errorf("the last state's verdict reads %q, want it to name %s", got, want)
				}
				expectPlaces(t, tabCtx, tr.States[n-1])
				if e := errs(); len(e) > 0 {
					t.Errorf("console errors: %q", e)
				}
			})
		}
	}
}

// expectPlaces fails unless the page's goroutine table shows each
// goroutine where the state has it.
func expectPlaces(t *testing.T, ctx context.Context, s State) {
	t.Helper()
	js := `[...document.querySelectorAll("#procs tr[data-proc]")].map((r) => [r.dataset.proc, r.querySelector(".pc").innerText])`
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](js))
	if err != nil {
		t.Fatal(err)
	}
	pc, ok := s.Vars["pc"]
	if !ok {
		t.Fatal("the state has no pc")
	}
	names, places := pc.Entries()
	if len(rows) != len(names) {
		t.Fatalf("the page lists %d goroutines, the state has %d: %q", len(rows), len(names), rows)
	}
	shown := map[string]string{}
	for _, r := range rows {
		shown[r[0]] = r[1]
	}
	for i, g := range names {
		if shown[g] != places[i].Label() {
			t.Errorf("the page shows %s at %q, the trace at %q", g, shown[g], places[i].Label())
		}
	}
}

func writePlay(t *testing.T, g Graph) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), g.Name+".html")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := g.Write(f); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestPlayReachesTheBug plays each broken model's page: its graph holds a
// bad state of the kind models.json expects; the schedule of the offline
// checker's counterexample, clicked step by step, wins; Undo takes the
// winning step back.
func TestPlayReachesTheBug(t *testing.T) {
	ctx := browser(t)
	if err := tla.FindOffline(); err != nil {
		t.Fatal(err)
	}
	for _, p := range plays {
		t.Run(p.broken, func(t *testing.T) {
			t.Parallel()
			m := lookup(t, p.broken)
			r := run(t, "tla-checker", m)
			tr, err := ParseTrace(r.Trace)
			if err != nil {
				t.Fatal(err)
			}
			v, _ := views(m.Spec)
			spec, cfg, err := readPair(filepath.Join(tla.Dir(), m.Spec), filepath.Join(tla.Dir(), m.Config))
			if err != nil {
				t.Fatal(err)
			}
			script, _, err := label(t.Context(), v, spec, cfg, tr)
			if err != nil {
				t.Fatal(err)
			}
			g, err := Explore(t.Context(), m)
			if err != nil {
				t.Fatal(err)
			}
			want := m.Violated
			if m.Verdict == tla.Deadlock {
				want = "deadlock"
			}
			if !slices.Contains(g.BadStates(), want) {
				t.Errorf("no %s among the bad states %q", want, g.BadStates())
			}
			tabCtx, errs := tab(t, ctx, writePlay(t, g))
			if text(t, tabCtx, "goal") == "" || text(t, tabCtx, "won") != "" {
				t.Fatalf("the start shows no goal, or a win: %q", text(t, tabCtx, "verdict"))
			}
			for i, s := range script {
				if text(t, tabCtx, "won") != "" {
					t.Fatalf("won after %d of %d steps", i, len(script))
				}
				click(t, tabCtx, stepTitle(s))
			}
			if m.Verdict == tla.Deadlock {
				want = "Deadlock"
			}
			if text(t, tabCtx, "won") == "" || !strings.Contains(text(t, tabCtx, "verdict"), want) {
				t.Fatalf("after the schedule %q the page reads %q, want a win naming %s", script, text(t, tabCtx, "verdict"), want)
			}
			clickID(t, tabCtx, "undo")
			if text(t, tabCtx, "won") != "" || text(t, tabCtx, "goal") == "" {
				t.Errorf("after Undo the page reads %q", text(t, tabCtx, "verdict"))
			}
			if got, want := text(t, tabCtx, "ppos"), fmt.Sprintf("Steps taken: %d", len(script)-1); got != want {
				t.Errorf("after Undo: %q, want %q", got, want)
			}
			if e := errs(); len(e) > 0 {
				t.Errorf("console errors: %q", e)
			}
		})
	}
}

// TestPlayFixedHasNoBug: the fixed models' graphs are complete (as many
// states as the checker counts) and hold no bad state, and their page
// says there is no path to the bug.
func TestPlayFixedHasNoBug(t *testing.T) {
	ctx := browser(t)
	done := map[string]bool{}
	for _, p := range plays {
		if done[p.fixed] {
			continue
		}
		done[p.fixed] = true
		t.Run(p.fixed, func(t *testing.T) {
			t.Parallel()
			m := lookup(t, p.fixed)
			g, err := Explore(t.Context(), m)
			if err != nil {
				t.Fatal(err)
			}
			if g.States() != m.States {
				t.Errorf("the graph has %d states, the checker counts %d", g.States(), m.States)
			}
			if bad := g.BadStates(); len(bad) > 0 {
				t.Errorf("bad states in the fixed model: %q", bad)
			}
			tabCtx, errs := tab(t, ctx, writePlay(t, g))
			if got := text(t, tabCtx, "nobug"); !strings.Contains(got, "no path to the bug") {
				t.Errorf("the fixed model's page reads %q", text(t, tabCtx, "verdict"))
			}
			if e := errs(); len(e) > 0 {
				t.Errorf("console errors: %q", e)
			}
		})
	}
}

// stepTitle is how a play page labels an enabled step.
func stepTitle(s Step) string {
	if s.Actor == "" {
		return s.Action
	}
	return s.Actor + " · " + s.Action
}
