// Package lessontest runs a lesson's broken code under its checker and keeps
// the lesson's quoted output true.
//
// Every lesson has the same shape. Its broken code sits in files built only
// with the tag "broken", its fixed code in files built without it, and both
// define the same names, so one set of tests runs against either:
//
//	go test -race -tags broken ./lessons/NN-slug/   # the checker catches the bug
//	go test -race ./lessons/NN-slug/                # the fix passes
//
// The untagged build also holds TestBrokenIsCaught, which runs the first
// command in a subprocess (Run), asserts the checker's signature in its
// output (Expect), and checks that the output the lesson's README quotes
// carries the same signature (Quote). So `go test -race ./...` stays green
// while proving, on every run, that each broken version is caught.
//
// PCKIT_UPDATE=1 go test ./lessons/... rewrites each README's quoted block
// with the checker's real output of that run.
package lessontest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Run runs a command in the lesson's folder (the test's working directory)
// and returns its combined output, normalized (see Normalize), and its exit
// code. The command is usually "go" with the arguments of the lesson's broken
// command. It fails the test if the command cannot be started at all.
func Run(t testing.TB, name string, args ...string) (string, int) {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is needed to run this lesson's checker: %v", name, err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, args...)
	// Keep $GOFLAGS: it may carry the -overlay that applies an exercise's
	// solution (see exercise.go).
	cmd.Env = append(os.Environ(), "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -count=1"))
	out, err := cmd.CombinedOutput()
	code := 0
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	if ctx.Err() != nil {
		t.Fatalf("%s %s did not finish: %v\n%s", name, strings.Join(args, " "), ctx.Err(), out)
	}
	return Normalize(t, string(out)), code
}

// GoTestBroken runs `go test -race -tags broken -run run .` in the lesson's
// folder and fails the test unless that run fails (a caught bug fails its
// test). It returns the normalized output.
func GoTestBroken(t testing.TB, run string) string {
	t.Helper()
	out, code := Run(t, "go", "test", "-race", "-tags", "broken", "-run", run, ".")
	if code == 0 {
		t.Fatalf("the broken version passed; its checker should have failed it:\n%s", out)
	}
	return out
}

// Expect fails the test unless out matches every pattern (regular
// expressions, see regexp.MustCompile).
func Expect(t testing.TB, out string, patterns ...string) {
	t.Helper()
	for _, p := range patterns {
		if !regexp.MustCompile(p).MatchString(out) {
			t.Errorf("output lacks %q:\n%s", p, out)
		}
	}
}

// The quoted block in a lesson README starts after this marker line and is
// the fenced code block that follows it.
const marker = "<!-- checker output -->"

// Quote checks the fenced block that follows "<!-- checker output -->" in
// the README file: it must match every pattern, like the live output does.
// With PCKIT_UPDATE=1 in the environment it first replaces the block with
// out, so the README quotes the checker's real output.
func Quote(t testing.TB, readme, out string, patterns ...string) {
	t.Helper()
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	before, block, after, err := splitQuote(string(data))
	if err != nil {
		t.Fatalf("%s: %v", readme, err)
	}
	if os.Getenv("PCKIT_UPDATE") == "1" {
		block = Excerpt(out) + "\n"
		if err := os.WriteFile(readme, []byte(before+block+after), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range patterns {
		if !regexp.MustCompile(p).MatchString(block) {
			t.Errorf("%s quotes output that lacks %q; regenerate it with PCKIT_UPDATE=1 go test ./%s", readme, p, lessonDir())
		}
	}
}

// Excerpt shortens output for quoting: at most the first 30 lines, and when
// more were cut, a "[…]" line and the last 5 lines (where go test says FAIL).
func Excerpt(out string) string {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) <= 40 {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:30], "\n") + "\n[…]\n" + strings.Join(lines[len(lines)-5:], "\n")
}

// splitQuote cuts a README around the body of the fenced block after marker.
func splitQuote(s string) (before, block, after string, err error) {
	i := strings.Index(s, marker)
	if i < 0 {
		return "", "", "", errors.New("no " + marker + " line")
	}
	open := strings.Index(s[i:], "```")
	if open < 0 {
		return "", "", "", errors.New("no fenced block after " + marker)
	}
	start := i + open + strings.Index(s[i+open:], "\n") + 1
	end := strings.Index(s[start:], "```")
	if end < 0 {
		return "", "", "", errors.New("unterminated fenced block after " + marker)
	}
	return s[:start], s[start : start+end], s[start+end:], nil
}

var normalizers = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`\d{4}/\d\d/\d\d \d\d:\d\d:\d\d(\.\d+)? `), ""}, // log timestamps
	{regexp.MustCompile(`0x[0-9a-f]{5,}`), "0x…"},                       // addresses
	{regexp.MustCompile(` \+0x[0-9a-f]+`), ""},                          // PC offsets
	{regexp.MustCompile(`(?i)(goroutine) \d+`), "$1 N"},                 // goroutine ids
	{regexp.MustCompile(`\(\d+\.\d+s\)`), "(…s)"},                       // a test's time
	{regexp.MustCompile(`\t\d+\.\d+s\b`), "\t…s"},                       // a package's time
	{regexp.MustCompile(`(Elapsed time: )\S+`), "${1}…"},                // gopter's time
}

// Normalize makes checker output stable and short enough to quote: paths are
// made relative to the repository root, and addresses, program-counter
// offsets, goroutine ids, log timestamps and test timings are blanked.
func Normalize(t testing.TB, out string) string {
	t.Helper()
	if root, err := repoRoot(); err == nil {
		out = strings.ReplaceAll(out, root+string(filepath.Separator), "")
	}
	if gr := goroot(); gr != "" {
		out = strings.ReplaceAll(out, gr+string(filepath.Separator), "$GOROOT/")
	}
	for _, n := range normalizers {
		out = n.re.ReplaceAllString(out, n.with)
	}
	return out
}

// lessonDir is the working directory relative to the repository root.
func lessonDir() string {
	wd, _ := os.Getwd()
	root, err := repoRoot()
	if err != nil {
		return wd
	}
	rel, err := filepath.Rel(root, wd)
	if err != nil {
		return wd
	}
	return filepath.ToSlash(rel) + "/"
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

func goroot() string {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return ""
	}
	return string(bytes.TrimSpace(out))
}

// DeadlockStanzas shortens a synctest deadlock report for quoting: it keeps
// the test's FAIL line, the panic line, the goroutines whose stacks pass
// through file, and go test's closing lines, and marks each cut with "[…]".
func DeadlockStanzas(out, file string) string {
	var keep []string
	for i, stanza := range strings.Split(strings.TrimRight(out, "\n"), "\n\n") {
		switch {
		case i == 0:
			head := stanza
			if j := strings.Index(head, "\ngoroutine N [running]"); j >= 0 {
				head = head[:j]
			}
			keep = append(keep, head)
		case strings.Contains(stanza, file):
			keep = append(keep, stanza)
		case keep[len(keep)-1] != "[…]":
			keep = append(keep, "[…]")
		}
	}
	last := keep[len(keep)-1]
	if i := strings.Index(last, "\nFAIL"); i >= 0 && last != "[…]" {
		keep[len(keep)-1], last = last[:i], last[i+1:]
		keep = append(keep, last)
	}
	return strings.Join(keep, "\n\n")
}
