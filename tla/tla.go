// Package tla model-checks pckit's TLA+ specifications.
//
// The specs (*.tla) and their models (*.cfg) live in this package's folder,
// beside models.json, the one table of what each model is expected to
// yield. Two checkers can run a model:
//
//   - TLC, the reference checker, from tla2tools.jar ([FindTLC], [RunTLC]);
//   - tla-checker, an offline TLA+ checker compiled to WebAssembly and run
//     with Node through check.mjs ([RunOffline]), installed by
//     `npm ci --prefix tla`.
//
// Lesson tests use [Lookup] and the Run functions to show a checker's
// verdict and counterexample for a model.
package tla

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Verdicts a checker can reach on a model.
const (
	Holds     = "holds"     // every invariant and property holds, no deadlock
	Deadlock  = "deadlock"  // a reachable state, not a final one, has no successor
	Invariant = "invariant" // the invariant named in Result.Violated fails
	Property  = "property"  // the temporal property named in Result.Violated fails
)

// The pinned TLC release.
const (
	TLCVersion = "1.7.4"
	TLCURL     = "https://github.com/tlaplus/tlaplus/releases/download/v1.7.4/tla2tools.jar"
	TLCSHA256  = "936a262061c914694dfd669a543be24573c45d5aa0ff20a8b96b23d01e050e88"
)

// Model is one row of models.json: a spec, a configuration of it, and what
// checking it must yield.
type Model struct {
	Name   string `json:"name"`   // unique; also the cfg's base name
	Spec   string `json:"spec"`   // the .tla file, relative to [Dir]
	Config string `json:"cfg"`    // the .cfg file, relative to [Dir]
	Proves string `json:"proves"` // one line: what the model shows

	Verdict  string `json:"verdict"`            // Holds, Deadlock, Invariant or Property
	Violated string `json:"violated,omitempty"` // the invariant or property, if any

	// States is the number of distinct states, for a model that holds
	// (both checkers must find exactly this many).
	States int `json:"states,omitempty"`
	// For a counterexample: the number of states in the trace (both
	// checkers search breadth-first, so both find a shortest one), and the
	// distinct states each had found when it stopped (TLC runs with one
	// worker, so its count is reproducible).
	TraceStates   int `json:"traceStates,omitempty"`
	TLCStates     int `json:"tlcStates,omitempty"`
	OfflineStates int `json:"offlineStates,omitempty"`

	// TLCOnly lists cfg properties the offline checker cannot check: they
	// are dropped from the cfg it gets, and asserted under TLC only.
	TLCOnly []string `json:"tlcOnly,omitempty"`
}

// Result is what one checker reported on one model.
type Result struct {
	Checker     string        // "tlc" or "tla-checker"
	Verdict     string        // Holds, Deadlock, Invariant or Property
	Violated    string        // the invariant or property that failed, if any
	Distinct    int           // distinct states found
	TraceStates int           // states in the counterexample, 0 if none
	Trace       string        // the counterexample as the checker printed it
	Output      string        // the checker's whole output
	Elapsed     time.Duration // wall time of the run
}

// Dir returns the folder of this package's source: the specs, the cfgs,
// models.json, check.mjs and node_modules live there. It relies on the
// source tree being present (not a -trimpath build).
func Dir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	return filepath.Dir(file)
}

// Models returns the expectations table, models.json.
func Models() ([]Model, error) {
	data, err := os.ReadFile(filepath.Join(Dir(), "models.json"))
	if err != nil {
		return nil, err
	}
	var ms []Model
	if err := json.Unmarshal(data, &ms); err != nil {
		return nil, fmt.Errorf("models.json: %w", err)
	}
	return ms, nil
}

// Lookup returns the model of that name.
func Lookup(name string) (Model, error) {
	ms, err := Models()
	if err != nil {
		return Model{}, err
	}
	for _, m := range ms {
		if m.Name == name {
			return m, nil
		}
	}
	return Model{}, fmt.Errorf("tla: no model %q in models.json", name)
}

// TLCCommand is the command a user runs, from the repository root, to see
// TLC's own output for the model (deadlock checking is on, TLC's default).
func (m Model) TLCCommand() string {
	return fmt.Sprintf(`java -XX:+UseParallelGC -cp "$TLA2TOOLS_JAR" tlc2.TLC -workers 1 -metadir "$(mktemp -d)" -config tla/%s tla/%s`, m.Config, m.Spec)
}

// OfflineCommand is the same check with the offline checker.
func (m Model) OfflineCommand() string {
	return fmt.Sprintf("node tla/check.mjs tla/%s tla/%s", m.Spec, m.Config)
}

// ---------------------------------------------------------------------------
// TLC

// FindTLC returns the path of a tla2tools.jar: $TLA2TOOLS_JAR if set (not
// verified), else the cached pinned release under the user cache dir,
// downloaded and sha256-verified there if missing. It returns an error
// saying why when there is none (no Java, no route to the release page).
func FindTLC(ctx context.Context) (string, error) {
	if _, err := exec.LookPath("java"); err != nil {
		return "", errors.New("java is not on PATH")
	}
	if jar := os.Getenv("TLA2TOOLS_JAR"); jar != "" {
		if _, err := os.Stat(jar); err != nil {
			return "", fmt.Errorf("TLA2TOOLS_JAR: %w", err)
		}
		return jar, nil
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	jar := filepath.Join(cache, "pckit", "tla2tools-"+TLCVersion+".jar")
	if err := verify(jar); err == nil {
		return jar, nil
	}
	if err := download(ctx, jar); err != nil {
		return "", fmt.Errorf("no TLC jar: set TLA2TOOLS_JAR, or let the test fetch %s: %w", TLCURL, err)
	}
	return jar, nil
}

func verify(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != TLCSHA256 {
		return fmt.Errorf("%s: sha256 %s, want %s", path, got, TLCSHA256)
	}
	return nil
}

func download(ctx context.Context, jar string) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	client := &http.Client{Transport: &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSHandshakeTimeout:   5 * time.Second,
		ResponseHeaderTimeout: 10 * time.Second,
	}}
	defer client.CloseIdleConnections()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, TLCURL, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", TLCURL, resp.Status)
	}
	if err := os.MkdirAll(filepath.Dir(jar), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(jar), "tla2tools-*.part")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, resp.Body); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := verify(tmp.Name()); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), jar)
}

var (
	reTLCCounts = regexp.MustCompile(`(\d+) states generated, (\d+) distinct states found`)
	reTLCInv    = regexp.MustCompile(`Error: Invariant (\w+) is violated`)
	reTLCProp   = regexp.MustCompile(`Error: Temporal properties were violated`)
	reTLCState  = regexp.MustCompile(`(?m)^State \d+:`)
)

// RunTLC checks the model with TLC from jar. It copies the spec and cfg
// into a fresh temporary folder and runs there, so that nothing TLC writes
// (states/, trace files) lands in the repository.
func RunTLC(ctx context.Context, jar string, m Model) (Result, error) {
	work, err := os.MkdirTemp("", "pckit-tlc-")
	if err != nil {
		return Result{}, err
	}
	defer os.RemoveAll(work)
	for _, f := range []string{m.Spec, m.Config} {
		if err := copyFile(filepath.Join(Dir(), f), filepath.Join(work, filepath.Base(f))); err != nil {
			return Result{}, err
		}
	}
	args := []string{
		"-XX:+UseParallelGC", "-Djava.io.tmpdir=" + work,
		"-cp", jar, "tlc2.TLC",
		"-workers", "1",
		"-metadir", filepath.Join(work, "states"),
		"-config", filepath.Base(m.Config), filepath.Base(m.Spec),
	}
	cmd := exec.CommandContext(ctx, "java", args...)
	cmd.Dir = work
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	runErr := cmd.Run()
	r := Result{Checker: "tlc", Output: out.String(), Elapsed: time.Since(start)}
	if ctx.Err() != nil {
		return r, ctx.Err()
	}
	text := r.Output
	counts := reTLCCounts.FindAllStringSubmatch(text, -1)
	if len(counts) > 0 {
		r.Distinct, _ = strconv.Atoi(counts[len(counts)-1][2])
	}
	switch {
	case strings.Contains(text, "Error: Deadlock reached."):
		r.Verdict = Deadlock
	case reTLCInv.MatchString(text):
		r.Verdict = Invariant
		r.Violated = reTLCInv.FindStringSubmatch(text)[1]
	case reTLCProp.MatchString(text):
		r.Verdict = Property
		r.Violated = tlcViolatedProperty(text, m)
	case strings.Contains(text, "Model checking completed. No error has been found."):
		r.Verdict = Holds
	default:
		return r, fmt.Errorf("tlc: no verdict (exit: %v):\n%s", runErr, text)
	}
	if r.Verdict != Holds {
		if i := strings.Index(text, "Error: The behavior up to this point is:"); i >= 0 {
			r.Trace = text[i:]
			if j := reTLCCounts.FindStringIndex(r.Trace); j != nil {
				r.Trace = r.Trace[:j[0]]
			}
		}
		r.TraceStates = len(reTLCState.FindAllString(r.Trace, -1))
		if strings.Contains(r.Trace, "Stuttering") {
			r.TraceStates-- // the stuttering step closes a lasso; it is no new state
		}
	}
	return r, nil
}

// tlcViolatedProperty names the violated temporal property. TLC names it
// only in some versions; with one property in the cfg there is no doubt.
func tlcViolatedProperty(text string, m Model) string {
	props := cfgNames(filepath.Join(Dir(), m.Config), "PROPERTY", "PROPERTIES")
	for _, p := range props {
		if strings.Contains(text, "Temporal property "+p) || strings.Contains(text, "property "+p+" ") {
			return p
		}
	}
	if len(props) == 1 {
		return props[0]
	}
	return "?"
}

// cfgNames returns the names listed under the given cfg keywords.
func cfgNames(path string, keywords ...string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var names []string
	in := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, `\*`); i >= 0 {
			line = line[:i]
		}
		words := strings.Fields(line)
		if len(words) == 0 {
			continue
		}
		if isKeyword(words[0]) {
			in = false
			for _, k := range keywords {
				in = in || words[0] == k
			}
			if in {
				names = append(names, words[1:]...)
			}
		} else if in {
			names = append(names, words...)
		}
	}
	return names
}

func isKeyword(w string) bool {
	return w != "" && strings.ToUpper(w) == w && strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") == ""
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

// ---------------------------------------------------------------------------
// Offline checker

// FindOffline reports whether the offline checker can run: Node on PATH
// and tla-checker installed in the package folder's node_modules.
func FindOffline() error {
	if _, err := exec.LookPath("node"); err != nil {
		return errors.New("node (Node.js 18 or later) is not on PATH: install it to run the offline checker")
	}
	wasm := filepath.Join(Dir(), "node_modules", "tla-checker", "tla_checker_bg.wasm")
	if _, err := os.Stat(wasm); err != nil {
		return errors.New("the offline checker tla-checker is not installed: run `npm ci --prefix tla` from the repository root")
	}
	return nil
}

// RunOffline checks the model with tla-checker through check.mjs.
func RunOffline(ctx context.Context, m Model) (Result, error) {
	spec := filepath.Join(Dir(), m.Spec)
	cfg := filepath.Join(Dir(), m.Config)
	if len(m.TLCOnly) > 0 {
		work, err := os.MkdirTemp("", "pckit-offline-")
		if err != nil {
			return Result{}, err
		}
		defer os.RemoveAll(work)
		data, err := os.ReadFile(cfg)
		if err != nil {
			return Result{}, err
		}
		cfg = filepath.Join(work, filepath.Base(m.Config))
		if err := os.WriteFile(cfg, []byte(dropNames(string(data), m.TLCOnly)), 0o644); err != nil {
			return Result{}, err
		}
	}
	cmd := exec.CommandContext(ctx, "node", filepath.Join(Dir(), "check.mjs"), spec, cfg)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := Result{Checker: "tla-checker", Output: stdout.String() + stderr.String(), Elapsed: time.Since(start)}
	if ctx.Err() != nil {
		return r, ctx.Err()
	}
	if err != nil {
		return r, fmt.Errorf("check.mjs: %v: %s", err, r.Output)
	}
	var out struct {
		Verdict     string `json:"verdict"`
		Violated    string `json:"violated,omitempty"`
		Distinct    int    `json:"distinct"`
		TraceStates int    `json:"traceStates"`
		Trace       string `json:"trace"`
		Message     string `json:"message"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return r, fmt.Errorf("check.mjs output: %v: %s", err, r.Output)
	}
	if out.Verdict == "error" {
		return r, fmt.Errorf("tla-checker could not check %s: %s", m.Name, out.Message)
	}
	r.Verdict, r.Violated, r.Distinct = out.Verdict, out.Violated, out.Distinct
	r.TraceStates, r.Trace = out.TraceStates, out.Trace
	return r, nil
}

// dropNames removes the given names from a cfg's lines.
func dropNames(cfg string, names []string) string {
	lines := strings.Split(cfg, "\n")
	for i, line := range lines {
		words := strings.Fields(line)
		kept := words[:0]
		for _, w := range words {
			drop := false
			for _, n := range names {
				drop = drop || w == n
			}
			if !drop {
				kept = append(kept, w)
			}
		}
		lines[i] = strings.Join(kept, " ")
		if len(kept) == 1 && isKeyword(kept[0]) && (kept[0] == "PROPERTY" || kept[0] == "PROPERTIES") {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}
