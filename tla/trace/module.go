package trace

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pckit/pckit/tla"
)

// The trace specifications, one per model: Log's records are matched by
// the model's steps.
var (
	//go:embed QueueTrace.tla
	queueTrace string
	//go:embed WorkersTrace.tla
	workersTrace string
)

// Models a log can be checked against (Log.Model).
const (
	QueueModel   = "Queue"   // tla/Queue.tla: the queue's steps
	WorkersModel = "Workers" // tla/Workers.tla: a worker group's steps
)

// ModuleName is the name of the module generated for log; TLC wants it in
// a file of that name + ".tla".
func ModuleName(log Log) string { return log.model() + "Trace" }

// Module returns the generated TLA+ module that checks log, and its cfg:
// the model's text (tla/Queue.tla or tla/Workers.tla), the log as the
// definition Log, then the trace specification's text (QueueTrace.tla or
// WorkersTrace.tla in this folder). The module stands alone (the offline
// checker reads one file). The cfg takes the model's cfg's constants, with
// the log's own (goroutines, capacity, items...) in their place.
func Module(log Log) (spec, cfg string, err error) { return module(log, false) }

// module writes the module; with offline, Log is a constant whose value is
// in the cfg: the offline checker evaluates a definition at each use,
// TLC once.
func module(log Log, offline bool) (spec, cfg string, err error) {
	model := log.model()
	trace := map[string]string{QueueModel: queueTrace, WorkersModel: workersTrace}[model]
	if trace == "" {
		return "", "", fmt.Errorf("log %s: no model %q", log.Name, model)
	}
	modelSpec, err := os.ReadFile(filepath.Join(tla.Dir(), model+".tla"))
	if err != nil {
		return "", "", err
	}
	modelCfg, err := os.ReadFile(filepath.Join(tla.Dir(), model+".cfg"))
	if err != nil {
		return "", "", err
	}
	body, err := moduleBody(string(modelSpec))
	if err != nil {
		return "", "", fmt.Errorf("%s.tla: %w", model, err)
	}
	traceBody, err := moduleBody(trace)
	if err != nil {
		return "", "", fmt.Errorf("%sTrace.tla: %w", model, err)
	}
	// The offline checker takes a second VARIABLE declaration as the only
	// one: TraceIndex joins the model's.
	i := strings.Index(body, "\nVARIABLES")
	if i < 0 {
		return "", "", fmt.Errorf("%s.tla: no VARIABLES declaration", model)
	}
	i += len("\nVARIABLES")
	body = body[:i] + " TraceIndex," + body[i:]
	defs := "Log == " + logValue(log.Records) + "\nTraceBound == 0"
	if offline {
		defs = "CONSTANT Log\nTraceBound == 0"
	}
	for old, repl := range map[string]string{"EXTENDS " + model + "\n": "", "CONSTANTS Log, TraceBound\n": defs + "\n", "VARIABLE TraceIndex\n": ""} {
		if !strings.Contains(traceBody, old) {
			return "", "", fmt.Errorf("%sTrace.tla: no line %q", model, strings.TrimSpace(old))
		}
		traceBody = strings.Replace(traceBody, old, repl, 1)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "---- MODULE %s ----\n\\* Generated from tla/%s.tla and tla/trace/%sTrace.tla for the log %s.\n", ModuleName(log), model, model, log.Name)
	b.WriteString(body)
	b.WriteString("\n-----------------------------------------------------------------------------\n")
	b.WriteString(traceBody)
	b.WriteString("\n====\n")

	consts, err := constants(log, string(modelCfg))
	if err != nil {
		return "", "", err
	}
	var c strings.Builder
	c.WriteString("CONSTANTS\n")
	if offline {
		c.WriteString("    Log = " + strings.ReplaceAll(logValue(log.Records), "\n    ", " ") + "\n")
	}
	c.WriteString(consts)
	c.WriteString("INIT TraceInit\nNEXT TraceNext\nINVARIANT TraceMatched\n")
	return b.String(), c.String(), nil
}

// ModelConfig returns a cfg of the log's model (tla/Queue.cfg or
// tla/Workers.cfg) with the log's constants: with the model's spec, it
// reads the states of Verdict.Behaviour.
func ModelConfig(log Log) (string, error) {
	modelCfg, err := os.ReadFile(filepath.Join(tla.Dir(), log.model()+".cfg"))
	if err != nil {
		return "", err
	}
	consts, err := constants(log, string(modelCfg))
	if err != nil {
		return "", err
	}
	return "SPECIFICATION Spec\nCONSTANTS\n" + consts, nil
}

// constants returns the CONSTANTS lines of modelCfg with the log's
// values in place of the model's.
func constants(log Log, modelCfg string) (string, error) {
	// The constants every log sets, then those of the queue's model.
	set := map[string]string{
		"Producers": setValue(log.Producers),
		"Consumers": setValue(log.Consumers),
		"Cap":       strconv.Itoa(log.Cap),
		"Items":     strconv.Itoa(log.Items),
	}
	// Those of a model with Try, batch and Resize calls, if it has them.
	optional := map[string]string{}
	if log.model() == QueueModel {
		set["Cancellable"] = setValue(log.Cancellable)
		set["NoOne"] = `"none"`
		var resizes []string
		for _, r := range log.Records {
			if r.Op == "Resize" {
				resizes = append(resizes, strconv.Itoa(r.N))
			}
		}
		optional["Batch"] = setValue(log.Batch)
		optional["BatchLen"] = strconv.Itoa(max(log.BatchLen, 1))
		optional["NonBlocking"] = setValue(log.NonBlocking)
		optional["Resizes"] = "{" + strings.Join(resizes, ", ") + "}"
	}
	var c strings.Builder
	for _, line := range cfgConstants(modelCfg) {
		name, value, _ := strings.Cut(line, "=")
		name = strings.TrimSpace(name)
		if v, ok := set[name]; ok {
			value = v
			delete(set, name)
		} else if v, ok := optional[name]; ok {
			value = v
		}
		fmt.Fprintf(&c, "    %s = %s\n", name, strings.TrimSpace(value))
	}
	if len(set) > 0 {
		return "", fmt.Errorf("%s.cfg: no constant %v", log.model(), set)
	}
	return c.String(), nil
}

// moduleBody returns a module's text between its MODULE line and its
// closing line of equal signs.
func moduleBody(text string) (string, error) {
	lines := strings.Split(text, "\n")
	start, end := -1, -1
	for i, l := range lines {
		switch {
		case start < 0 && strings.Contains(l, " MODULE ") && strings.HasPrefix(l, "----"):
			start = i + 1
		case start >= 0 && strings.HasPrefix(l, "===="):
			end = i
		}
		if end >= 0 {
			break
		}
	}
	if start < 0 || end < 0 {
		return "", fmt.Errorf("no MODULE line and closing ==== line")
	}
	return strings.Join(lines[start:end], "\n"), nil
}

// cfgConstants returns the "Name = value" lines of a cfg's CONSTANTS.
func cfgConstants(cfg string) []string {
	var out []string
	in := false
	for _, line := range strings.Split(cfg, "\n") {
		if i := strings.Index(line, `\*`); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		word, rest, _ := strings.Cut(line, " ")
		if isKeyword(word) {
			in = word == "CONSTANTS" || word == "CONSTANT"
			line = strings.TrimSpace(rest)
			if !in || line == "" {
				continue
			}
		}
		if in {
			out = append(out, line)
		}
	}
	return out
}

func isKeyword(w string) bool {
	return w != "" && strings.ToUpper(w) == w && strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") == ""
}

func setValue(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return "{" + strings.Join(q, ", ") + "}"
}

func logValue(records []Record) string {
	var b strings.Builder
	b.WriteString("<<")
	for i, r := range records {
		if i > 0 {
			b.WriteString(",")
		}
		w := 0
		for w+i+1 < len(records) && isWake(records[w+i+1]) {
			w++
		}
		ts := make([]string, len(r.Ts))
		for j, t := range r.Ts {
			ts[j] = strconv.Itoa(t)
		}
		fmt.Fprintf(&b, "\n    [op |-> %q, p |-> %q, cond |-> %q, ts |-> <<%s>>, n |-> %d, w |-> %d, err |-> %q]",
			r.Op, r.P, r.Cond, strings.Join(ts, ", "), r.N, w, r.Err)
	}
	b.WriteString(">>")
	return b.String()
}

func isWake(r Record) bool { return r.Op == "Signal" || r.Op == "Broadcast" }
