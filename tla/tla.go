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
	"slices"
	"strconv"
	"strings"
	"time"
)

// Verdict is what a checker concluded about a model.
type Verdict string

// Verdicts a checker can reach on a model.
const (
	Holds     Verdict = "holds"     // every invariant and property holds, no deadlock
	Deadlock  Verdict = "deadlock"  // a reachable state, not a final one, has no successor
	Invariant Verdict = "invariant" // the invariant named in Result.Violated fails
	Property  Verdict = "property"  // the temporal property named in Result.Violated fails
)

// Caught names what a counterexample broke: the violated invariant or
// property, or "deadlock"; "" for a model that holds.
func (r Result) Caught() string {
	if r.Verdict == Deadlock {
		return string(Deadlock)
	}
	return r.Violated
}

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

	Verdict  Verdict `json:"verdict"`            // Holds, Deadlock, Invariant or Property
	Violated string  `json:"violated,omitempty"` // the invariant or property, if any

	// States is the number of distinct states, for a model that holds
	// (both checkers must find exactly this many).
	States int `json:"states,omitempty"`
	// For a counterexample: the number of states in the trace (both
	// checkers search breadth-first, so both find a shortest one), and the
	// distinct states each had found when it stopped (TLC runs with one
	// worker, so its count is reproducible). A liveness counterexample is
	// a lasso: TraceStates counts its distinct states, the loop's
	// included, as TLC prints it; OfflineTraceStates, if set, is the
	// offline checker's (its lasso may differ: it searches differently).
	TraceStates        int `json:"traceStates,omitempty"`
	OfflineTraceStates int `json:"offlineTraceStates,omitempty"`
	TLCStates          int `json:"tlcStates,omitempty"`
	OfflineStates      int `json:"offlineStates,omitempty"`

	// Long marks a model too slow for every test run: `go test ./tla/`
	// checks it only with PCKIT_TLA_LONG=1 set (as .ci/run does).
	Long bool `json:"long,omitempty"`

	// TLCOnly lists cfg properties the offline checker cannot check: they
	// are dropped from the cfg it gets, and asserted under TLC only.
	TLCOnly []string `json:"tlcOnly,omitempty"`
}

// Result is what one checker reported on one model.
type Result struct {
	Checker     string        // "tlc" or "tla-checker"
	Verdict     Verdict       // Holds, Deadlock, Invariant or Property
	Violated    string        // the invariant or property that failed, if any
	Distinct    int           // distinct states found
	TraceStates int           // distinct states in the counterexample (a lasso's loop included), 0 if none
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

// path returns the file f of a model: f itself if absolute (a spec copy
// outside the package, as the mutation test makes), else f in [Dir].
func path(f string) string {
	if filepath.IsAbs(f) {
		return f
	}
	return filepath.Join(Dir(), f)
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
	reTLCNamed  = regexp.MustCompile(`Error: (?:Temporal property|The property) (\w+)`)
	reTLCState  = regexp.MustCompile(`(?m)^State \d+:`)
	reTLCBack   = regexp.MustCompile(`(?m)^State \d+: (?:Back to state \d+|Stuttering)`)
)

// RunTLC checks the model with TLC from jar. It copies the spec and cfg
// into a fresh temporary folder and runs there, so that nothing TLC writes
// (states/, trace files) lands in the repository. TLC 2.18 does not name a
// violated temporal property; with several in the cfg, RunTLC checks them
// one at a time to find it, as check.mjs does for the offline checker.
func RunTLC(ctx context.Context, jar string, m Model) (Result, error) {
	cfg, err := os.ReadFile(path(m.Config))
	if err != nil {
		return Result{}, err
	}
	r, err := runTLC(ctx, jar, m, cfg)
	if err != nil || r.Verdict != Property || r.Violated != "" {
		return r, err
	}
	for _, p := range cfgNames(cfg, "PROPERTY", "PROPERTIES") {
		one, err := runTLC(ctx, jar, m, []byte(withProperty(string(cfg), p)))
		if err != nil {
			return r, err
		}
		if one.Verdict == Property {
			r.Violated = p
			break
		}
	}
	if r.Violated == "" {
		return r, fmt.Errorf("tlc: a temporal property of %s is violated, but none of them alone", m.Name)
	}
	return r, nil
}

func runTLC(ctx context.Context, jar string, m Model, cfg []byte) (Result, error) {
	work, err := os.MkdirTemp("", "pckit-tlc-")
	if err != nil {
		return Result{}, err
	}
	defer os.RemoveAll(work)
	if err := copyFile(path(m.Spec), filepath.Join(work, filepath.Base(m.Spec))); err != nil {
		return Result{}, err
	}
	if err := os.WriteFile(filepath.Join(work, filepath.Base(m.Config)), cfg, 0o644); err != nil {
		return Result{}, err
	}
	args := []string{
		"-XX:+UseParallelGC", "-Djava.io.tmpdir=" + work,
		"-cp", jar, "tlc2.TLC",
		"-workers", "1",
		// Liveness only once the state space is done: TLC's periodic
		// checks depend on the clock, and could report a property before
		// a deadlock or invariant on one run and after it on another.
		"-lncheck", "final",
		"-metadir", filepath.Join(work, "states"),
		"-config", filepath.Base(m.Config), filepath.Base(m.Spec),
	}
	cmd := exec.CommandContext(ctx, "java", args...)
	cmd.Dir = work
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	runErr := cmd.Run()
	elapsed := time.Since(start)
	if ctx.Err() != nil {
		return Result{Checker: "tlc", Output: out.String(), Elapsed: elapsed}, ctx.Err()
	}
	r, err := ParseTLC(out.String(), cfgNames(cfg, "PROPERTY", "PROPERTIES"))
	r.Elapsed = elapsed
	if err != nil {
		return r, fmt.Errorf("%w (exit: %v)", err, runErr)
	}
	return r, nil
}

// ParseTLC reads TLC's output: the verdict, the violated invariant or
// property, the distinct states found, and the counterexample. props are
// the cfg's temporal properties: TLC 2.18 does not name the one violated,
// so Violated is that name only when there is one property, else "" (and
// [RunTLC] finds it). For a liveness counterexample (a lasso: a path, then
// "Back to state k" or "Stuttering"), TraceStates counts the distinct
// states printed, without the closing line.
func ParseTLC(text string, props []string) (Result, error) {
	r := Result{Checker: "tlc", Output: text}
	counts := reTLCCounts.FindAllStringSubmatch(text, -1)
	if len(counts) > 0 {
		r.Distinct, _ = strconv.Atoi(counts[len(counts)-1][2])
	}
	header := "Error: The behavior up to this point is:"
	switch {
	case strings.Contains(text, "Error: Deadlock reached."):
		r.Verdict = Deadlock
	case reTLCInv.MatchString(text):
		r.Verdict = Invariant
		r.Violated = reTLCInv.FindStringSubmatch(text)[1]
	case reTLCProp.MatchString(text):
		r.Verdict = Property
		header = "Error: The following behavior constitutes a counter-example:"
		if m := reTLCNamed.FindStringSubmatch(text); m != nil {
			r.Violated = m[1]
		} else if len(props) == 1 {
			r.Violated = props[0]
		}
	case strings.Contains(text, "Model checking completed. No error has been found."):
		r.Verdict = Holds
		return r, nil
	default:
		return r, errors.New("tlc: no verdict in its output:\n" + text)
	}
	if i := strings.Index(text, header); i >= 0 {
		r.Trace = text[i:]
		if j := reTLCCounts.FindStringIndex(r.Trace); j != nil {
			r.Trace = r.Trace[:j[0]]
		}
	}
	r.TraceStates = len(reTLCState.FindAllString(r.Trace, -1)) - len(reTLCBack.FindAllString(r.Trace, -1))
	if r.TraceStates == 0 {
		return r, fmt.Errorf("tlc: %s without a counterexample trace:\n%s", r.Verdict, text)
	}
	return r, nil
}

// withProperty returns the cfg with its PROPERTY sections replaced by the
// one property p.
func withProperty(cfg, p string) string {
	return DropSections(cfg, "PROPERTY", "PROPERTIES") + "\nPROPERTY " + p + "\n"
}

// DropSections returns the cfg text without the sections of the given
// keywords (each keyword's line and the lines that continue it).
func DropSections(cfg string, keywords ...string) string {
	var kept []string
	drop := false
	for _, line := range strings.Split(cfg, "\n") {
		words := strings.Fields(uncomment(line))
		if len(words) > 0 && isKeyword(words[0]) {
			drop = slices.Contains(keywords, words[0])
		}
		if !drop {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n")
}

func uncomment(line string) string {
	if i := strings.Index(line, `\*`); i >= 0 {
		return line[:i]
	}
	return line
}

// CfgNames returns the names a cfg text lists under the given keywords, in
// order: CfgNames(cfg, "INVARIANT", "INVARIANTS") names its invariants.
func CfgNames(cfg string, keywords ...string) []string { return cfgNames([]byte(cfg), keywords...) }

// cfgNames returns the names listed under the given cfg keywords.
func cfgNames(cfg []byte, keywords ...string) []string {
	var names []string
	in := false
	sc := bufio.NewScanner(bytes.NewReader(cfg))
	for sc.Scan() {
		words := strings.Fields(uncomment(sc.Text()))
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

// RunOffline checks the model with tla-checker through check.mjs. It
// refuses a cfg whose SPECIFICATION is not the operator named Spec: the
// offline checker takes fairness from Spec whatever the cfg names, so
// such a model would be checked without its own fairness.
func RunOffline(ctx context.Context, m Model) (Result, error) {
	spec, cfg := path(m.Spec), path(m.Config)
	data, err := os.ReadFile(cfg)
	if err != nil {
		return Result{}, err
	}
	if err := SpecIsSpec(data); err != nil {
		return Result{}, fmt.Errorf("%s: %w", m.Config, err)
	}
	if len(m.TLCOnly) > 0 {
		work, err := os.MkdirTemp("", "pckit-offline-")
		if err != nil {
			return Result{}, err
		}
		defer os.RemoveAll(work)
		cfg = filepath.Join(work, filepath.Base(m.Config))
		if err := os.WriteFile(cfg, []byte(dropNames(string(data), m.TLCOnly)), 0o644); err != nil {
			return Result{}, err
		}
	}
	cmd := exec.CommandContext(ctx, "node", filepath.Join(Dir(), "check.mjs"), spec, cfg)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
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
	r.Verdict, r.Violated, r.Distinct = Verdict(out.Verdict), out.Violated, out.Distinct
	r.TraceStates, r.Trace = out.TraceStates, out.Trace
	return r, nil
}

// SpecIsSpec returns an error unless the cfg's SPECIFICATION, if any, is
// the operator named Spec, the only one whose fairness the offline
// checker applies.
func SpecIsSpec(cfg []byte) error {
	names := cfgNames(cfg, "SPECIFICATION")
	if len(names) > 0 && (len(names) > 1 || names[0] != "Spec") {
		return fmt.Errorf("SPECIFICATION %s: the offline checker takes fairness only from the operator named Spec; name the specification Spec (choose fairness with a constant)", strings.Join(names, " "))
	}
	return nil
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
