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

//go:embed QueueTrace.tla
var queueTrace string

// ModuleName is the name of every generated module (its file must be
// ModuleName + ".tla" for TLC).
const ModuleName = "QueueTrace"

// Module returns the generated TLA+ module that checks log, and its cfg:
// tla/Queue.tla's text, the log as the definition Log, then QueueTrace.tla's
// text. The module stands alone (the offline checker reads one file). The
// cfg takes tla/Queue.cfg's constants, with the log's goroutines, capacity,
// items and cancellable goroutines in place of the model's.
func Module(log Log) (spec, cfg string, err error) { return module(log, false) }

// module writes the module; with offline, Log is a constant whose value is
// in the cfg: the offline checker evaluates a definition at each use,
// TLC once.
func module(log Log, offline bool) (spec, cfg string, err error) {
	queueSpec, err := os.ReadFile(filepath.Join(tla.Dir(), "Queue.tla"))
	if err != nil {
		return "", "", err
	}
	queueCfg, err := os.ReadFile(filepath.Join(tla.Dir(), "Queue.cfg"))
	if err != nil {
		return "", "", err
	}
	body, err := moduleBody(string(queueSpec))
	if err != nil {
		return "", "", fmt.Errorf("Queue.tla: %w", err)
	}
	traceBody, err := moduleBody(queueTrace)
	if err != nil {
		return "", "", fmt.Errorf("QueueTrace.tla: %w", err)
	}
	// The offline checker takes a second VARIABLE declaration as the only
	// one: TraceIndex joins Queue.tla's.
	i := strings.Index(body, "\nVARIABLES")
	if i < 0 {
		return "", "", fmt.Errorf("Queue.tla: no VARIABLES declaration")
	}
	i += len("\nVARIABLES")
	body = body[:i] + " TraceIndex," + body[i:]
	defs := "Log == " + logValue(log.Records) + "\nTraceBound == 0"
	if offline {
		defs = "CONSTANT Log\nTraceBound == 0"
	}
	for old, repl := range map[string]string{"EXTENDS Queue\n": "", "CONSTANTS Log, TraceBound\n": defs + "\n", "VARIABLE TraceIndex\n": ""} {
		if !strings.Contains(traceBody, old) {
			return "", "", fmt.Errorf("QueueTrace.tla: no line %q", strings.TrimSpace(old))
		}
		traceBody = strings.Replace(traceBody, old, repl, 1)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "---- MODULE %s ----\n\\* Generated from tla/Queue.tla and tla/trace/QueueTrace.tla for the log %s.\n", ModuleName, log.Name)
	b.WriteString(body)
	b.WriteString("\n-----------------------------------------------------------------------------\n")
	b.WriteString(traceBody)
	b.WriteString("\n====\n")

	consts := map[string]string{
		"Producers":   setValue(log.Producers),
		"Consumers":   setValue(log.Consumers),
		"Cap":         strconv.Itoa(log.Cap),
		"Items":       strconv.Itoa(log.Items),
		"Cancellable": setValue(log.Cancellable),
		"NoOne":       `"none"`,
	}
	var c strings.Builder
	c.WriteString("CONSTANTS\n")
	if offline {
		c.WriteString("    Log = " + strings.ReplaceAll(logValue(log.Records), "\n    ", " ") + "\n")
	}
	for _, line := range cfgConstants(string(queueCfg)) {
		name, value, _ := strings.Cut(line, "=")
		name = strings.TrimSpace(name)
		if v, ok := consts[name]; ok {
			value = v
			delete(consts, name)
		}
		fmt.Fprintf(&c, "    %s = %s\n", name, strings.TrimSpace(value))
	}
	if len(consts) > 0 {
		return "", "", fmt.Errorf("Queue.cfg: no constant %v", consts)
	}
	c.WriteString("INIT TraceInit\nNEXT TraceNext\nINVARIANT TraceMatched\n")
	return b.String(), c.String(), nil
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
