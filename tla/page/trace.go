package page

import (
	"fmt"
	"regexp"
	"strings"
)

// State is one state of a trace: its variables' values, and the name of
// the action that led to it as the checker printed it ("" for the
// initial state, and for every state of tla-checker, which prints none).
type State struct {
	Action string
	Vars   map[string]Value
	Order  []string // the variables in the order printed
}

// Trace is a parsed counterexample. LoopTo is the index of the state a
// liveness counterexample's last state leads back to, or -1.
type Trace struct {
	States []State
	LoopTo int
}

var (
	// TLC: "State 3: <Pop line 204, col 5 to line 214, col 56 of module Queue>",
	// "State 1: <Initial predicate>", "State 7: Stuttering",
	// "Back to state 2: <Lock line ...>". tla-checker: "State 0".
	reHeader  = regexp.MustCompile(`^(?:State (\d+)|Back to state (\d+))(?::\s*(.*))?$`)
	reAction  = regexp.MustCompile(`^<(\w+)[ >]`)
	reVarLine = regexp.MustCompile(`^\s*(?:/\\\s+)?(\w+) = (.*)$`)
)

// ParseTrace reads a counterexample as TLC or tla-checker prints it (the
// Trace field of tla.Result).
func ParseTrace(text string) (Trace, error) {
	tr := Trace{LoopTo: -1}
	var cur *State
	var name string
	var val strings.Builder
	flush := func() error {
		if cur == nil || name == "" {
			return nil
		}
		v, err := ParseValue(val.String())
		if err != nil {
			return fmt.Errorf("state %d, %s: %w", len(tr.States), name, err)
		}
		cur.Vars[name] = v
		cur.Order = append(cur.Order, name)
		name = ""
		val.Reset()
		return nil
	}
	loopNext := false
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if m := reHeader.FindStringSubmatch(trimmed); m != nil {
			if err := flush(); err != nil {
				return Trace{}, err
			}
			if m[2] != "" || m[3] == "Stuttering" {
				// TLC closes a lasso: the loop goes back to a state already listed.
				tr.LoopTo = backTo(tr, m)
				cur = nil
				continue
			}
			tr.States = append(tr.States, State{Vars: map[string]Value{}})
			cur = &tr.States[len(tr.States)-1]
			if a := reAction.FindStringSubmatch(m[3]); a != nil && a[1] != "Initial" {
				cur.Action = a[1]
			}
			if loopNext {
				tr.LoopTo, loopNext = len(tr.States)-1, false
			}
			continue
		}
		if strings.HasPrefix(trimmed, "--- back to ---") {
			// tla-checker: the states after this line form the loop.
			if err := flush(); err != nil {
				return Trace{}, err
			}
			cur, loopNext = nil, true
			continue
		}
		if cur == nil || trimmed == "" {
			continue
		}
		if m := reVarLine.FindStringSubmatch(line); m != nil && (strings.HasPrefix(trimmed, `/\`) || name == "" || isVarStart(line)) {
			if err := flush(); err != nil {
				return Trace{}, err
			}
			name = m[1]
			val.WriteString(m[2])
			continue
		}
		if name != "" { // a value TLC wrapped over several lines
			val.WriteString(" " + trimmed)
		}
	}
	if err := flush(); err != nil {
		return Trace{}, err
	}
	if len(tr.States) == 0 {
		return Trace{}, fmt.Errorf("no state in the trace text")
	}
	// tla-checker lists a lasso's loop after the path; a loop state equal
	// to one already listed is where the loop goes back to.
	if tr.LoopTo > 0 {
		for i := tr.LoopTo; i < len(tr.States); i++ {
			for j := 0; j < tr.LoopTo; j++ {
				if stateKey(tr.States[i]) == stateKey(tr.States[j]) {
					tr.States, tr.LoopTo = tr.States[:i], j
					return tr, nil
				}
			}
		}
	}
	return tr, nil
}

// stateKey is a state's variables in canonical notation.
func stateKey(s State) string {
	var b strings.Builder
	for _, name := range varOrder("", s.Vars) {
		b.WriteString(name + "=" + s.Vars[name].Canon() + "\n")
	}
	return b.String()
}

// isVarStart tells a tla-checker variable line ("  count = 1", two spaces
// of indent) from the continuation of a wrapped value.
func isVarStart(line string) bool {
	return strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   ")
}

func backTo(tr Trace, m []string) int {
	if m[3] == "Stuttering" {
		return len(tr.States) - 1
	}
	var n int
	fmt.Sscan(m[2], &n)
	return n - 1 // TLC numbers states from 1
}
