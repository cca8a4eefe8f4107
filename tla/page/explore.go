package page

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/pckit/pckit/tla"
)

// The offline checker prints no action names, and neither checker says
// which goroutine took a step. So the pages check a copy of the spec with
// one more variable, pageAction, that each step of PageNext sets to the
// action's name and parameter: <<"Lock", c1>>. PageNext is Next taken
// apart by the View's action table; in a state where an invariant of the
// cfg fails, its only step is a stutter labelled <<"Bad", NAME>>, so that
// the exported graph stops there and says why.

var (
	reVariables = regexp.MustCompile(`(?m)^VARIABLES?\b`)
	reEnd       = regexp.MustCompile(`(?m)^={4,}\s*$`)
)

// augment returns the spec and cfg texts that explore.mjs checks.
func augment(v View, spec, cfg string) (string, string, error) {
	loc := reVariables.FindStringIndex(spec)
	if loc == nil {
		return "", "", fmt.Errorf("the spec declares no VARIABLES")
	}
	spec = spec[:loc[1]] + " pageAction," + spec[loc[1]:]
	var b strings.Builder
	b.WriteString("\nPageTrue == TRUE\nPageInit == Init /\\ pageAction = <<>>\nPageBad ==\n")
	for _, inv := range tla.CfgNames(cfg, "INVARIANT", "INVARIANTS") {
		fmt.Fprintf(&b, "    IF ~%s THEN %q ELSE\n", inv, inv)
	}
	b.WriteString("    \"\"\nPageNext ==\n")
	fmt.Fprintf(&b, "    \\/ PageBad # \"\" /\\ pageAction' = <<\"Bad\", PageBad>> /\\ UNCHANGED %s\n", v.Vars)
	for _, a := range v.actions(spec) {
		if a.Over == "" {
			fmt.Fprintf(&b, "    \\/ PageBad = \"\" /\\ %s /\\ pageAction' = <<%q>>\n", a.Name, a.Name)
		} else {
			fmt.Fprintf(&b, "    \\/ PageBad = \"\" /\\ \\E pageActor \\in %s : %s(pageActor) /\\ pageAction' = <<%q, pageActor>>\n", a.Over, a.Name, a.Name)
		}
	}
	ends := reEnd.FindAllStringIndex(spec, -1)
	if ends == nil {
		return "", "", fmt.Errorf("the spec has no closing ==== line")
	}
	end := ends[len(ends)-1][0]
	spec = spec[:end] + b.String() + "\n" + spec[end:]

	out := []string{tla.DropSections(cfg, "SPECIFICATION", "INIT", "NEXT", "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES")}
	out = append(out, "INIT PageInit", "NEXT PageNext", "INVARIANT PageTrue", "")
	return spec, strings.Join(out, "\n"), nil
}

// consts lists the constants a View needs evaluated.
func (v View) consts() []string {
	var cs []string
	for _, r := range v.Roles {
		cs = append(cs, r.Set)
	}
	for _, q := range v.Queues {
		cs = append(cs, strings.Fields(q.Cap)...)
	}
	return cs
}

// explore runs tla/explore.mjs on the augmented spec with one request and
// decodes its answer into resp.
func explore(ctx context.Context, v View, spec, cfg string, req map[string]any, resp any) error {
	if err := tla.FindOffline(); err != nil {
		return err
	}
	spec, cfg, err := augment(v, spec, cfg)
	if err != nil {
		return err
	}
	req["spec"], req["cfg"], req["consts"] = spec, cfg, v.consts()
	in, err := json.Marshal(req)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, "node", filepath.Join(tla.Dir(), "explore.mjs"))
	cmd.Stdin = bytes.NewReader(in)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("explore.mjs: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	if err := json.Unmarshal(stdout.Bytes(), resp); err != nil {
		return fmt.Errorf("explore.mjs output: %v", err)
	}
	return nil
}

// parseConsts parses the constants' values explore.mjs printed.
func parseConsts(texts map[string]string) (map[string]Value, error) {
	out := map[string]Value{}
	for name, text := range texts {
		v, err := ParseValue(text)
		if err != nil {
			return nil, fmt.Errorf("constant %s: %w", name, err)
		}
		out[name] = v
	}
	return out, nil
}

// label names the action and goroutine of each step of tr (Step i leads to
// state i+1). It fails on a step no action of the View explains.
func label(ctx context.Context, v View, spec, cfg string, tr Trace) ([]Step, map[string]Value, error) {
	states := make([]map[string]Value, len(tr.States))
	for i, s := range tr.States {
		states[i] = s.Vars
	}
	var resp struct {
		Consts map[string]string `json:"consts"`
		Labels []json.RawMessage `json:"labels"`
	}
	if err := explore(ctx, v, spec, cfg, map[string]any{"mode": "label", "states": states}, &resp); err != nil {
		return nil, nil, err
	}
	consts, err := parseConsts(resp.Consts)
	if err != nil {
		return nil, nil, err
	}
	steps := make([]Step, len(resp.Labels))
	for i, raw := range resp.Labels {
		if string(raw) == "null" {
			return nil, nil, fmt.Errorf("step %d → %d of the trace is no step of the spec's actions %s", i+1, i+2, v.actionNames())
		}
		a, err := fromJSON(raw)
		if err != nil {
			return nil, nil, err
		}
		// TLC names the action too, but may name an operator inside it:
		// the table's name, with its goroutine, is the one shown.
		steps[i] = v.step(a)
	}
	return steps, consts, nil
}

// actions returns the View's actions that the spec defines: a table may
// name actions that only some versions of a spec have.
func (v View) actions(spec string) []Action {
	var out []Action
	for _, a := range v.Actions {
		if regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(a.Name) + `(\(|\s*==)`).MatchString(spec) {
			out = append(out, a)
		}
	}
	return out
}

func (v View) actionNames() []string {
	var names []string
	for _, a := range v.Actions {
		names = append(names, a.Name)
	}
	return names
}

// step turns a pageAction value <<"Lock", c1>> into a Step.
func (v View) step(a Value) Step {
	var s Step
	if len(a.Elems) > 0 {
		s.Action = a.Elems[0].Atom
	}
	if len(a.Elems) > 1 {
		s.Actor = a.Elems[1].Label()
	}
	for _, act := range v.Actions {
		if act.Name == s.Action {
			s.Go = act.Go
		}
	}
	return s
}
