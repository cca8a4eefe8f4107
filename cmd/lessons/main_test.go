package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// runnerArgs, when set, makes this test binary the runner itself, with
// those arguments (space-separated): each call of lessons below is a
// separate process, as each `go run ./cmd/lessons` is.
const runnerArgs = "PCKIT_LESSONS_ARGS"

func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv(runnerArgs); ok {
		os.Exit(run(context.Background(), strings.Fields(args), os.Stdout, os.Stderr))
	}
	goleak.VerifyTestMain(m)
}

// runner runs the runner in a new process with args and extra environment
// variables, from the repository root, and returns its output and exit
// code.
func runner(t *testing.T, env []string, args ...string) (string, int) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), exe)
	cmd.Dir = "../.."
	cmd.Env = append(append(os.Environ(), runnerArgs+"="+strings.Join(args, " ")), env...)
	out, err := cmd.CombinedOutput()
	code := 0
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(out), code
}

func expect(t *testing.T, out string, code, wantCode int, patterns ...string) {
	t.Helper()
	if code != wantCode {
		t.Errorf("exit code %d, want %d:\n%s", code, wantCode, out)
	}
	for _, p := range patterns {
		if !regexp.MustCompile(p).MatchString(out) {
			t.Errorf("output lacks %q:\n%s", p, out)
		}
	}
}

// TestLesson01 walks lesson 01 as a learner does, each step a new process
// sharing one config directory: list, a failing check with its first hint,
// the next hints, a passing check (the reference solution applied with an
// overlay, as CI applies it) and the list again.
func TestLesson01(t *testing.T) {
	config := t.TempDir()
	env := []string{"XDG_CONFIG_HOME=" + config}
	var ex exercise
	data, err := os.ReadFile("../../lessons/01-race-conditions/exercise/exercise.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &ex); err != nil {
		t.Fatal(err)
	}
	if len(ex.Hints) < 2 {
		t.Fatalf("lesson 01 has %d hints; this test needs two or more", len(ex.Hints))
	}

	out, code := runner(t, env)
	expect(t, out, code, 0, `(?m)^01  not started\s+Race conditions$`, `0 of \d+ done`)

	out, code = runner(t, env, "check", "01")
	expect(t, out, code, 1,
		regexp.QuoteMeta("$ go test -tags exercise -race ./lessons/01-race-conditions/exercise/"),
		`WARNING: DATA RACE`,
		`lessons/01-race-conditions/exercise/counter\.go:\d+`, // paths relative to the root
		`question 1 has no answer yet`,
		`Hint 1 of \d+:\n\n`+regexp.QuoteMeta(ex.Hints[0]))
	if strings.Contains(out, "=== RUN") || strings.Contains(out, filepath.Join("src", "testing", "testing.go")) {
		t.Errorf("check prints go test's own lines or stack frames of the testing package:\n%s", out)
	}

	out, code = runner(t, env, "list")
	expect(t, out, code, 0, `(?m)^01  exercise failing\s+Race conditions$`)

	out, code = runner(t, env, "hint", "1")
	expect(t, out, code, 0, `Hint 2 of \d+ for lesson 01:\n\n`+regexp.QuoteMeta(ex.Hints[1]))
	for range len(ex.Hints) - 2 {
		runner(t, env, "hint", "01")
	}
	out, code = runner(t, env, "hint", "01-race-conditions")
	expect(t, out, code, 0, `No more hints for lesson 01`, regexp.QuoteMeta(ex.Hints[len(ex.Hints)-1]))

	solved := append(env, "GOFLAGS=-overlay="+overlay(t, "01-race-conditions"))
	out, code = runner(t, solved, "check", "01")
	expect(t, out, code, 0, `Passed: lesson 01 is done\.`)
	out, code = runner(t, env)
	expect(t, out, code, 0, `(?m)^01  done\s+Race conditions$`, `1 of \d+ done`)

	if _, err := os.Stat(filepath.Join(config, "pckit", "progress.json")); err != nil {
		t.Errorf("no progress file in the config directory: %v", err)
	}
}

// overlay writes an overlay that replaces the exercise's files with the
// lesson's reference solution and returns its path.
func overlay(t *testing.T, dir string) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	sol := filepath.Join(root, "lessons", "internal", "solutions", "testdata", dir)
	files, err := os.ReadDir(sol)
	if err != nil {
		t.Fatal(err)
	}
	replace := map[string]string{}
	for _, f := range files {
		replace[filepath.Join(root, "lessons", dir, "exercise", f.Name())] = filepath.Join(sol, f.Name())
	}
	data, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "overlay.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestBadArguments(t *testing.T) {
	env := []string{"XDG_CONFIG_HOME=" + t.TempDir()}
	out, code := runner(t, env, "check", "99")
	expect(t, out, code, 2, `no lesson "99"`)
	out, code = runner(t, env, "check")
	expect(t, out, code, 2, `usage: go run \./cmd/lessons`)
}

// TestFindTLA: with no offline checker installed, findTLA runs npm when it
// is on PATH and says exactly what to run when it is not. Fake node and
// npm commands stand in for the real ones.
func TestFindTLA(t *testing.T) {
	root, bin := t.TempDir(), t.TempDir()
	t.Setenv("PATH", bin)
	fake := func(name, script string) {
		if err := os.WriteFile(filepath.Join(bin, name), []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := findTLA(t.Context(), root, &out, &out); err == nil || !strings.Contains(err.Error(), "install Node.js") {
		t.Errorf("without node: %v, want a message saying to install Node.js", err)
	}
	fake("node", "exit 0")
	if err := findTLA(t.Context(), root, &out, &out); err == nil || !strings.Contains(err.Error(), "run `npm ci --prefix tla` from the repository root") {
		t.Errorf("without npm: %v, want the command to run", err)
	}
	fake("npm", `[ "$*" = "ci --prefix tla" ] && /bin/mkdir -p tla/node_modules/tla-checker`)
	if err := findTLA(t.Context(), root, &out, &out); err != nil {
		t.Errorf("with npm: %v", err)
	}
	if !strings.Contains(out.String(), "$ npm ci --prefix tla") {
		t.Errorf("findTLA did not say it runs npm ci:\n%s", out.String())
	}
	out.Reset()
	fake("npm", "exit 1") // installed now: npm must not run again
	if err := findTLA(t.Context(), root, &out, &out); err != nil || out.Len() > 0 {
		t.Errorf("with the checker installed: %v, output %q; want nothing done", err, out.String())
	}
}

// TestEveryLesson: the list names every lesson folder, and every lesson's
// first hint is its exercise.json's first hint.
func TestEveryLesson(t *testing.T) {
	env := []string{"XDG_CONFIG_HOME=" + t.TempDir()}
	dirs, err := filepath.Glob("../../lessons/[0-9][0-9]-*")
	if err != nil {
		t.Fatal(err)
	}
	list, code := runner(t, env)
	if code != 0 {
		t.Fatalf("list: exit code %d:\n%s", code, list)
	}
	for _, dir := range dirs {
		num := filepath.Base(dir)[:2]
		if !regexp.MustCompile(`(?m)^` + num + `  not started  `).MatchString(list) {
			t.Errorf("the list does not show lesson %s as not started:\n%s", num, list)
		}
		var ex exercise
		data, err := os.ReadFile(filepath.Join(dir, "exercise", "exercise.json"))
		if err != nil {
			t.Errorf("lesson %s: %v", num, err)
			continue
		}
		if err := json.Unmarshal(data, &ex); err != nil || len(ex.Hints) == 0 {
			t.Errorf("lesson %s: exercise.json: %v, %d hints", num, err, len(ex.Hints))
			continue
		}
		out, code := runner(t, env, "hint", num)
		expect(t, out, code, 0, `Hint 1 of \d+ for lesson `+num+`:\n\n`+regexp.QuoteMeta(ex.Hints[0]))
	}
}
