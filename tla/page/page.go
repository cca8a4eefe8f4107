// Package page writes the pages a learner opens in a browser: a trace page
// that steps through one behaviour of a TLA+ spec (a counterexample of
// TLC or of the offline checker, or a validated log of the Go code), and a
// "play the scheduler" page where the learner picks each next step from
// the model's whole state graph until a bug shows, or finds there is none.
//
// Each page is one self-contained HTML file (inline CSS and JavaScript, no
// external URL). It draws each state through the spec's View (who holds
// the mutex, who waits on which condition, each goroutine's place, the
// queue) and names each step's action, goroutine and Go code. The action
// and goroutine of a step come from the offline checker (tla/explore.mjs),
// so every page needs `npm ci --prefix tla`; the command that writes one
// is `go run ./cmd/trace`.
package page

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/pckit/pckit/tla"
)

//go:embed page.html
var pageHTML string

// Step is one step: the action, the goroutine that takes it (its
// parameter, if any), the Go code it stands for, and, in a play graph, the
// state it leads to.
type Step struct {
	Action  string   `json:"action"`
	Actor   string   `json:"actor,omitempty"`
	Go      string   `json:"go"`
	To      int      `json:"to"`
	Changed []Change `json:"changed"`
}

// Change is one part of the state a step changed: a variable, or one
// entry of a function (pc[c1]).
type Change struct {
	Path string `json:"path"`
	From string `json:"from"`
	To   string `json:"to"`
}

// stateView is one state as the page draws it.
type stateView struct {
	Mutexes []holder    `json:"mutexes"`
	Procs   []procView  `json:"procs"`
	Conds   []condView  `json:"conds"`
	Queues  []queueView `json:"queues"`
	Vars    []Change    `json:"vars"` // Path: name, To: value
}

type holder struct {
	Label  string `json:"label"`
	Holder string `json:"holder"` // "" when free
}

type procView struct {
	Name    string   `json:"name"`
	Role    string   `json:"role"`
	PC      string   `json:"pc"`
	Meaning string   `json:"meaning"`
	Waits   string   `json:"waits"`
	Extra   []Change `json:"extra"` // Path: variable, To: its entry for this goroutine
}

type condView struct {
	Name string   `json:"name"`
	List []string `json:"list"`
}

type queueView struct {
	Label  string   `json:"label"`
	Items  []string `json:"items"`
	Count  string   `json:"count"`
	Cap    string   `json:"cap"`
	Closed string   `json:"closed"`
}

// data is what the page's script reads.
type data struct {
	Mode       string      `json:"mode"` // "trace" or "play"
	Name       string      `json:"name"`
	Spec       string      `json:"spec"`
	Title      string      `json:"title"`
	Proves     string      `json:"proves"`
	Checker    string      `json:"checker"`
	Verdict    string      `json:"verdict"`
	Violated   string      `json:"violated"`
	Definition string      `json:"definition"`
	Command    string      `json:"command"`
	States     []stateView `json:"states"`
	// Trace: Steps[i] leads from state i to state i+1; LoopTo as in Trace.
	Steps  []Step `json:"steps,omitempty"`
	LoopTo int    `json:"loopTo"`
	// Play: the steps enabled in each state, why a state is bad ("" when
	// it is not), and whether it is a proper end.
	Edges    [][]Step `json:"edges,omitempty"`
	Bad      []string `json:"bad,omitempty"`
	Finished []bool   `json:"finished,omitempty"`
}

// TraceInput is one behaviour to show.
type TraceInput struct {
	Name    string // the title: a model's name, or a log's
	Spec    string // path of the .tla file
	Config  string // text of a .cfg giving the constants the trace ran with
	Checker string // who produced the trace ("tlc", "tla-checker", a log validator)
	Proves  string // one line: what the behaviour shows
	// Verdict is tla.Deadlock, tla.Invariant or tla.Property (the last
	// state is bad, Violated names why), or "" for a behaviour that is
	// no counterexample (a validated log).
	Verdict, Violated string
	// Trace is the behaviour as TLC or tla-checker prints a trace. States
	// equal to the one before (a step of a trace spec that only moves
	// along its log) are dropped; variables the spec lacks are shown but
	// not checked.
	Trace   string
	Command string // the command that wrote the page, shown on it
}

// ForModel returns the TraceInput of a checker's counterexample on a model
// of tla/models.json.
func ForModel(m tla.Model, r tla.Result) (TraceInput, error) {
	cfg, err := os.ReadFile(filepath.Join(tla.Dir(), m.Config))
	if err != nil {
		return TraceInput{}, err
	}
	return TraceInput{
		Name:     m.Name,
		Spec:     filepath.Join(tla.Dir(), m.Spec),
		Config:   string(cfg),
		Checker:  r.Checker,
		Proves:   m.Proves,
		Verdict:  string(r.Verdict),
		Violated: r.Violated,
		Trace:    r.Trace,
	}, nil
}

// WriteTrace writes the trace page of in to w.
func WriteTrace(ctx context.Context, w io.Writer, in TraceInput) error {
	v, ok := views(in.Spec)
	if !ok {
		return fmt.Errorf("page: no view of %s", filepath.Base(in.Spec))
	}
	specText, err := os.ReadFile(in.Spec)
	if err != nil {
		return err
	}
	spec, cfg := string(specText), in.Config
	tr, err := ParseTrace(in.Trace)
	if err != nil {
		return err
	}
	tr = dropRepeats(tr)
	steps, consts, err := label(ctx, v, spec, cfg, tr)
	if err != nil {
		return fmt.Errorf("page: %s: %w", in.Name, err)
	}
	d := data{
		Mode: "trace", Name: in.Name, Spec: filepath.Base(in.Spec), Title: v.Title,
		Proves: in.Proves, Checker: in.Checker, Verdict: in.Verdict, Violated: in.Violated,
		Definition: definition(spec, in.Violated), Command: in.Command,
		Steps: steps, LoopTo: tr.LoopTo,
	}
	for i := range tr.States {
		tr.States[i].Order = varOrder(spec, tr.States[i].Vars)
	}
	for i, s := range tr.States {
		d.States = append(d.States, v.render(s, consts))
		if i > 0 {
			d.Steps[i-1].Changed = diff(tr.States[i-1], s)
			d.Steps[i-1].To = i
		}
	}
	return write(w, d)
}

// WritePlay writes the play-the-scheduler page of a model of
// tla/models.json: its whole state graph (at most maxStates states of the
// labelled spec), in which every state where an invariant of the cfg
// fails, and every deadlock, is a bad end.
func WritePlay(ctx context.Context, w io.Writer, m tla.Model, command string) error {
	g, err := Explore(ctx, m)
	if err != nil {
		return err
	}
	g.data.Command = command
	return g.Write(w)
}

// Write writes the graph's play page.
func (g Graph) Write(w io.Writer) error { return write(w, g.data) }

// maxStates bounds the labelled graph a play page embeds: a page must stay
// small enough to load at once.
const maxStates = 20000

// Graph is a model's state graph as a play page embeds it.
type Graph struct{ data }

// States returns the number of distinct states of the graph.
func (g Graph) States() int { return len(g.data.States) }

// BadStates returns the bad states' reasons: a violated invariant's name,
// or "deadlock".
func (g Graph) BadStates() []string {
	var bad []string
	for _, b := range g.Bad {
		if b != "" {
			bad = append(bad, b)
		}
	}
	return bad
}

// Explore exports the state graph of a model of tla/models.json with the
// offline checker.
func Explore(ctx context.Context, m tla.Model) (Graph, error) {
	specPath, cfgPath := filepath.Join(tla.Dir(), m.Spec), filepath.Join(tla.Dir(), m.Config)
	v, ok := views(specPath)
	if !ok {
		return Graph{}, fmt.Errorf("page: no view of %s", m.Spec)
	}
	spec, cfg, err := readPair(specPath, cfgPath)
	if err != nil {
		return Graph{}, err
	}
	var resp struct {
		Consts   map[string]string   `json:"consts"`
		Explored int                 `json:"explored"`
		Error    string              `json:"error"`
		Nodes    []map[string]string `json:"nodes"`
		Edges    [][2]int            `json:"edges"`
	}
	if err := explore(ctx, v, spec, cfg, map[string]any{"mode": "graph", "max": maxStates}, &resp); err != nil {
		return Graph{}, err
	}
	if resp.Error != "" {
		return Graph{}, fmt.Errorf("page: %s: the offline checker stopped: %s", m.Name, resp.Error)
	}
	if resp.Explored >= maxStates {
		return Graph{}, fmt.Errorf("page: %s has more than %d states: too big to play", m.Name, maxStates)
	}
	consts, err := parseConsts(resp.Consts)
	if err != nil {
		return Graph{}, err
	}
	d := data{
		Mode: "play", Name: m.Name, Spec: m.Spec, Title: v.Title, Proves: m.Proves,
		Checker: "tla-checker", Verdict: string(m.Verdict), Violated: m.Violated,
		Definition: definition(spec, m.Violated), LoopTo: -1,
	}
	// Collapse the labelled graph: states that differ only in pageAction
	// are one state of the spec.
	index := map[string]int{}
	node := make([]int, len(resp.Nodes))
	actions := make([]Value, len(resp.Nodes))
	var states []State
	for i, texts := range resp.Nodes {
		s := State{Vars: map[string]Value{}}
		var key strings.Builder
		for name, text := range texts {
			val, err := ParseValue(text)
			if err != nil {
				return Graph{}, fmt.Errorf("page: %s: %s: %w", m.Name, name, err)
			}
			if name == "pageAction" {
				actions[i] = val
				continue
			}
			s.Vars[name] = val
		}
		s.Order = varOrder(spec, s.Vars)
		for _, name := range s.Order {
			key.WriteString(name + "=" + s.Vars[name].Canon() + "\n")
		}
		k := key.String()
		n, seen := index[k]
		if !seen {
			n = len(states)
			index[k] = n
			states = append(states, s)
		}
		node[i] = n
	}
	d.Edges = make([][]Step, len(states))
	for i := range d.Edges {
		d.Edges[i] = []Step{}
	}
	d.Bad = make([]string, len(states))
	d.Finished = make([]bool, len(states))
	dup := map[string]bool{}
	for _, e := range resp.Edges {
		from, to := node[e[0]], node[e[1]]
		st := v.step(actions[e[1]])
		switch {
		case st.Action == "Bad":
			d.Bad[from] = st.Actor
			continue
		case from == to:
			d.Finished[from] = true
			continue
		}
		k := fmt.Sprint(from, to, st.Action, st.Actor)
		if dup[k] {
			continue
		}
		dup[k] = true
		st.To = to
		st.Changed = diff(states[from], states[to])
		d.Edges[from] = append(d.Edges[from], st)
	}
	for i := range states {
		if len(d.Edges[i]) == 0 && d.Bad[i] == "" && !d.Finished[i] {
			d.Bad[i] = "deadlock"
		}
		d.States = append(d.States, v.render(states[i], consts))
	}
	return Graph{d}, nil
}

// dropRepeats drops each state equal to the one before it.
func dropRepeats(tr Trace) Trace {
	out := Trace{LoopTo: tr.LoopTo}
	for i, s := range tr.States {
		if i > 0 && stateKey(s) == stateKey(tr.States[i-1]) {
			if tr.LoopTo >= len(out.States) {
				out.LoopTo--
			}
			continue
		}
		out.States = append(out.States, s)
	}
	return out
}

// varOrder lists a state's variables in the order the spec declares them.
func varOrder(spec string, vars map[string]Value) []string {
	type pos struct {
		name string
		at   int
	}
	var ps []pos
	decl := reVariables.FindStringIndex(spec)
	for name := range vars {
		at := len(spec)
		if decl != nil {
			if i := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`).FindStringIndex(spec[decl[0]:]); i != nil {
				at = i[0]
			}
		}
		ps = append(ps, pos{name, at})
	}
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && (ps[j].at < ps[j-1].at || ps[j].at == ps[j-1].at && ps[j].name < ps[j-1].name); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.name
	}
	return names
}

func readPair(specPath, cfgPath string) (string, string, error) {
	spec, err := os.ReadFile(specPath)
	if err != nil {
		return "", "", err
	}
	cfg, err := os.ReadFile(cfgPath)
	if err != nil {
		return "", "", err
	}
	return string(spec), string(cfg), nil
}

// definition returns the definition of name in the spec, with the comment
// lines just above it, or "".
func definition(spec, name string) string {
	if name == "" {
		return ""
	}
	lines := strings.Split(spec, "\n")
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(name) + `\s*==`)
	for i, line := range lines {
		if !re.MatchString(line) {
			continue
		}
		start := i
		for start > 0 && strings.HasPrefix(strings.TrimSpace(lines[start-1]), `\*`) {
			start--
		}
		end := i + 1
		for end < len(lines) && strings.TrimSpace(lines[end]) != "" && (strings.HasPrefix(lines[end], " ") || strings.HasPrefix(lines[end], "\t")) {
			end++
		}
		return strings.Join(lines[start:end], "\n")
	}
	return ""
}

// diff lists what changed from a to b: whole variables, or the entries of
// a function or record whose keys stayed the same.
func diff(a, b State) []Change {
	out := []Change{}
	for _, name := range b.Order {
		x, y := a.Vars[name], b.Vars[name]
		if x.Canon() == y.Canon() {
			continue
		}
		if (x.Kind == Fn || x.Kind == Rec) && x.Kind == y.Kind && len(x.Keys) == len(y.Keys) {
			ks, xs := x.Entries()
			same := true
			var parts []Change
			for i, k := range ks {
				ye, ok := y.Get(x.Keys[i].Atom)
				if !ok {
					same = false
					break
				}
				if xs[i].Canon() != ye.Canon() {
					parts = append(parts, Change{Path: name + "[" + k + "]", From: xs[i].String(), To: ye.String()})
				}
			}
			if same {
				out = append(out, parts...)
				continue
			}
		}
		out = append(out, Change{Path: name, From: x.String(), To: y.String()})
	}
	return out
}

// render draws one state through the View.
func (v View) render(s State, consts map[string]Value) stateView {
	sv := stateView{Mutexes: []holder{}, Procs: []procView{}, Conds: []condView{}, Queues: []queueView{}, Vars: []Change{}}
	pcNames, pcs := s.Vars[v.PC].Entries()
	isProc := map[string]bool{}
	for _, p := range pcNames {
		isProc[p] = true
	}
	for _, m := range v.Mutexes {
		h := s.Vars[m.Var]
		if m.Key != "" {
			h, _ = h.Get(m.Key)
		}
		who := h.Label()
		if !isProc[who] { // NoOne, or whatever value stands for nobody
			who = ""
		}
		sv.Mutexes = append(sv.Mutexes, holder{Label: m.Label, Holder: who})
	}
	conds := map[string][]string{} // goroutine → where it waits
	if cv, ok := s.Vars[v.Conds]; ok {
		var names []string
		var lists []Value
		if cv.Kind == Seq {
			names, lists = []string{v.Cond}, []Value{cv}
		} else {
			names, lists = cv.Entries()
		}
		for i, name := range names {
			c := condView{Name: name, List: []string{}}
			for j, g := range lists[i].Elems {
				c.List = append(c.List, g.Label())
				conds[g.Label()] = append(conds[g.Label()], fmt.Sprintf("%s (%s of %d)", name, ordinal(j+1), len(lists[i].Elems)))
			}
			sv.Conds = append(sv.Conds, c)
		}
	}
	for i, p := range pcNames {
		pv := procView{Name: p, PC: pcs[i].Label(), Meaning: v.PCs[pcs[i].Label()], Waits: strings.Join(conds[p], ", "), Extra: []Change{}}
		for _, r := range v.Roles {
			for _, e := range consts[r.Set].Elems {
				if e.Label() == p {
					pv.Role = r.Name
				}
			}
		}
		for _, name := range s.Order {
			val := s.Vars[name]
			if name == v.PC || name == v.Conds || (val.Kind != Fn && val.Kind != Rec) || !keysAmong(val, isProc) {
				continue
			}
			if e, ok := val.Get(p); ok {
				pv.Extra = append(pv.Extra, Change{Path: name, To: e.String()})
			}
		}
		sv.Procs = append(sv.Procs, pv)
	}
	for _, q := range v.Queues {
		sv.Queues = append(sv.Queues, q.render(s, consts))
	}
	for _, name := range s.Order {
		sv.Vars = append(sv.Vars, Change{Path: name, To: s.Vars[name].String()})
	}
	return sv
}

func keysAmong(v Value, set map[string]bool) bool {
	for _, k := range v.Keys {
		if !set[k.Label()] {
			return false
		}
	}
	return len(v.Keys) > 0
}

func (q Queue) render(s State, consts map[string]Value) queueView {
	get := func(name string) (Value, bool) {
		val, ok := s.Vars[name]
		if !ok {
			val, ok = consts[name]
		}
		if ok && q.Key != "" && (val.Kind == Fn || val.Kind == Rec) {
			val, ok = val.Get(q.Key)
		}
		return val, ok
	}
	qv := queueView{Label: q.Label, Items: []string{}}
	for _, name := range strings.Fields(q.Cap) {
		if c, ok := get(name); ok && qv.Cap == "" {
			qv.Cap = c.Label()
		}
	}
	if c, ok := get(q.Closed); ok && q.Closed != "" {
		qv.Closed = c.Label()
	}
	switch {
	case q.Ring != "":
		ring, _ := get(q.Ring)
		head, _ := get(q.Head)
		count, _ := get(q.Count)
		qv.Count = count.Label()
		h, _ := strconv.Atoi(head.Atom)
		n, _ := strconv.Atoi(count.Atom)
		_, slots := ring.Entries()
		for i := 0; i < n && len(slots) > 0; i++ {
			qv.Items = append(qv.Items, slots[(h+i)%len(slots)].Label())
		}
		if qv.Cap == "" {
			qv.Cap = strconv.Itoa(len(slots))
		}
	case q.Seq != "":
		seq, _ := get(q.Seq)
		for _, e := range seq.Elems {
			qv.Items = append(qv.Items, e.Label())
		}
		qv.Count = strconv.Itoa(len(seq.Elems))
	default:
		count, _ := get(q.Count)
		qv.Count = count.Label()
		n, _ := strconv.Atoi(count.Atom)
		for i := 0; i < n; i++ {
			qv.Items = append(qv.Items, "•")
		}
	}
	return qv
}

func ordinal(n int) string {
	switch n {
	case 1:
		return "1st"
	case 2:
		return "2nd"
	case 3:
		return "3rd"
	}
	return strconv.Itoa(n) + "th"
}

func write(w io.Writer, d data) error {
	js, err := json.Marshal(d)
	if err != nil {
		return err
	}
	const slot = "/*PAGE-DATA*/null"
	if !strings.Contains(pageHTML, slot) {
		return fmt.Errorf("page.html has no data slot")
	}
	var b bytes.Buffer
	b.WriteString(strings.Replace(pageHTML, slot, string(js), 1))
	_, err = w.Write(b.Bytes())
	return err
}
