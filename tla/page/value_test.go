package page

import (
	"encoding/json"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestParseValueBothNotations: TLC and tla-checker print one state's values
// differently (TRUE/true, entry order); parsed, they are equal.
func TestParseValueBothNotations(t *testing.T) {
	for _, c := range []struct{ tlc, offline, canon string }{
		{`(p1 :> "idle" @@ c1 :> "cs")`, `(c1 :> "cs" @@ p1 :> "idle")`, `(c1 :> "cs" @@ p1 :> "idle")`},
		{`[notFull |-> <<>>, notEmpty |-> <<c1, c2>>]`, `[notEmpty |-> <<c1, c2>>, notFull |-> <<>>]`, `[notEmpty |-> <<c1, c2>>, notFull |-> <<>>]`},
		{`(p1 :> FALSE @@ c1 :> TRUE)`, `(c1 :> true @@ p1 :> false)`, `(c1 :> TRUE @@ p1 :> FALSE)`},
		{`(0 :> 1 @@ 1 :> 0)`, `(0 :> 1 @@ 1 :> 0)`, `(0 :> 1 @@ 1 :> 0)`},
		{`{"b", "a"}`, `{"a", "b"}`, `{"a", "b"}`},
		{`-1`, `-1`, `-1`},
		{`<<"Lock", c1>>`, `<<"Lock", c1>>`, `<<"Lock", c1>>`},
		{`[A |-> NoOne, B |-> "g2"]`, `[B |-> "g2", A |-> NoOne]`, `[A |-> NoOne, B |-> "g2"]`},
		{`"a \"quoted\" word"`, `"a \"quoted\" word"`, `"a \"quoted\" word"`},
	} {
		a, err := ParseValue(c.tlc)
		if err != nil {
			t.Fatalf("%s: %v", c.tlc, err)
		}
		b, err := ParseValue(c.offline)
		if err != nil {
			t.Fatalf("%s: %v", c.offline, err)
		}
		if a.Canon() != c.canon || b.Canon() != c.canon {
			t.Errorf("Canon of %s = %s and of %s = %s, want %s", c.tlc, a.Canon(), c.offline, b.Canon(), c.canon)
		}
		// The checker's JSON form carries the same value.
		data, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		back, err := fromJSON(data)
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if back.Canon() != a.Canon() {
			t.Errorf("%s → %s → %s", c.tlc, data, back.Canon())
		}
	}
	if got := mustParse(t, `(p1 :> 0 @@ p2 :> 3)`); got.String() != `(p1 :> 0 @@ p2 :> 3)` {
		t.Errorf("String keeps the printed order: got %s", got)
	}
	if e, ok := mustParse(t, `(p1 :> 0 @@ p2 :> 3)`).Get("p2"); !ok || e.Atom != "3" {
		t.Errorf("Get(p2) = %v, %v", e, ok)
	}
}

func TestParseValueRejects(t *testing.T) {
	for _, bad := range []string{``, `(a :> 1 @@`, `<<1, 2`, `[a |-> ]`, `"open`, `1 2`, `{1,, 2}`} {
		if v, err := ParseValue(bad); err == nil {
			t.Errorf("ParseValue(%q) = %s, want an error", bad, v)
		}
	}
}

func mustParse(t *testing.T, s string) Value {
	t.Helper()
	v, err := ParseValue(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestParseTraceTLC reads TLC's format: action names in the headers,
// conjunction bullets, and a value wrapped over two lines.
func TestParseTraceTLC(t *testing.T) {
	text := `Error: The behavior up to this point is:
State 1: <Initial predicate>
/\ mu = NoOne
/\ pc = (p1 :> "idle" @@ c1 :> "idle")

State 2: <Lock line 111, col 5 to line 116, col 68 of module Queue>
/\ mu = c1
/\ pc = ( p1 :> "idle" @@
          c1 :> "cs" )

`
	tr, err := ParseTrace(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.States) != 2 || tr.States[0].Action != "" || tr.States[1].Action != "Lock" || tr.LoopTo != -1 {
		t.Fatalf("got %+v", tr)
	}
	if pc := tr.States[1].Vars["pc"]; pc.Canon() != `(c1 :> "cs" @@ p1 :> "idle")` {
		t.Errorf("pc = %s", pc.Canon())
	}
}

// TestParseTraceOffline reads tla-checker's format, and its lasso.
func TestParseTraceOffline(t *testing.T) {
	// A stutter at the end: the loop is the last state itself.
	text := "State 0\n  x = 0\n  y = <<>>\nState 1\n  x = 1\n  y = <<a>>\n--- back to ---\nState 0\n  x = 1\n  y = <<a>>\n"
	tr, err := ParseTrace(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.States) != 2 || tr.LoopTo != 1 || tr.States[1].Vars["y"].String() != "<<a>>" {
		t.Fatalf("got %+v", tr)
	}
	// A loop of new states.
	tr, err = ParseTrace(text + "State 1\n  x = 2\n  y = <<a>>\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.States) != 2 || tr.LoopTo != 1 {
		t.Fatalf("got %d states, loop to %d", len(tr.States), tr.LoopTo)
	}
	if _, err := ParseTrace("no states here"); err == nil {
		t.Error("a text without states parsed")
	}
}

// TestRender draws one state of Queue.tla as a page does: the ring's
// items from head, who waits where, and a mutex held by a value that is no
// goroutine ("none", as a validated log's NoOne) shown as free.
func TestRender(t *testing.T) {
	tr, err := ParseTrace(`State 1
  mu = "none"
  pc = (c1 :> "wait" @@ c2 :> "wait" @@ p1 :> "done")
  waitq = [notEmpty |-> <<c2, c1>>, notFull |-> <<>>]
  ring = (0 :> 4 @@ 1 :> 3)
  head = 1
  count = 2
  closed = false
  ctxDone = (c1 :> true @@ c2 :> false @@ p1 :> false)
State 2
  mu = "none"
  pc = (c1 :> "wait" @@ c2 :> "wait" @@ p1 :> "done")
  waitq = [notEmpty |-> <<c2, c1>>, notFull |-> <<>>]
  ring = (0 :> 4 @@ 1 :> 3)
  head = 1
  count = 2
  closed = false
  ctxDone = (c1 :> true @@ c2 :> false @@ p1 :> false)
`)
	if err != nil {
		t.Fatal(err)
	}
	if got := dropRepeats(tr); len(got.States) != 1 {
		t.Errorf("dropRepeats kept %d states of two equal ones", len(got.States))
	}
	v, _ := views("Queue.tla")
	s := tr.States[0]
	s.Order = varOrder("", s.Vars)
	sv := v.render(s, map[string]Value{"Cap": mustParse(t, "2"), "Consumers": mustParse(t, "{c1, c2}")})
	if h := sv.Mutexes[0].Holder; h != "" {
		t.Errorf("mu held by %q, want free", h)
	}
	if q := sv.Queues[0]; strings.Join(q.Items, ",") != "3,4" || q.Cap != "2" || q.Closed != "FALSE" {
		t.Errorf("queue %+v, want items 3,4 of capacity 2, open", q)
	}
	for _, p := range sv.Procs {
		want := map[string]string{"c1": "notEmpty (2nd of 2)", "c2": "notEmpty (1st of 2)", "p1": ""}[p.Name]
		if p.Waits != want {
			t.Errorf("%s waits on %q, want %q", p.Name, p.Waits, want)
		}
		if p.Name == "c1" && (p.Role != "consumer" || len(p.Extra) != 1 || p.Extra[0].To != "TRUE") {
			t.Errorf("c1: %+v", p)
		}
	}
}
