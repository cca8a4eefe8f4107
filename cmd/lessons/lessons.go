package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

const usage = `usage: go run ./cmd/lessons [list | check NN | hint NN]
  list       every lesson and its state (the default)
  check NN   run lesson NN's exercise check; prints a hint when it fails
  hint NN    print lesson NN's next hint
`

// run is the command: it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root, err := repoRoot()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	ls, err := lessons(root)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	p, err := loadProgress()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if len(args) == 0 {
		args = []string{"list"}
	}
	switch {
	case args[0] == "list" && len(args) == 1:
		list(stdout, ls, p)
		return 0
	case (args[0] == "check" || args[0] == "hint") && len(args) == 2:
		l, err := find(ls, args[1])
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		if args[0] == "hint" {
			return hint(stdout, stderr, l, p)
		}
		return check(ctx, stdout, stderr, root, l, p)
	}
	fmt.Fprint(stderr, usage)
	return 2
}

// exercise is a lesson's exercise/exercise.json.
type exercise struct {
	Title string   `json:"title"`
	Flags []string `json:"flags"`
	Needs []string `json:"needs"`
	Hints []string `json:"hints"`
}

// lesson is one lesson folder.
type lesson struct {
	Num, Dir, Title string
	Exercise        *exercise // nil if the lesson has none
}

// Command is the lesson's check command, as its README prints it.
func (l lesson) Command() []string {
	args := append([]string{"go", "test", "-tags", "exercise"}, l.Exercise.Flags...)
	return append(args, "./lessons/"+l.Dir+"/exercise/")
}

// repoRoot finds the pckit module root from the working directory up.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(mod, []byte("module github.com/pckit/pckit\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run this from inside the pckit repository (no go.mod of github.com/pckit/pckit above the working directory)")
		}
		dir = parent
	}
}

var title = regexp.MustCompile(`^# (\d\d) · (.+)`)

// lessons reads every lessons/NN-slug folder under root, in order.
func lessons(root string) ([]lesson, error) {
	dirs, err := filepath.Glob(filepath.Join(root, "lessons", "[0-9][0-9]-*"))
	if err != nil {
		return nil, err
	}
	var ls []lesson
	for _, dir := range dirs {
		l := lesson{Num: filepath.Base(dir)[:2], Dir: filepath.Base(dir), Title: filepath.Base(dir)[3:]}
		if readme, err := os.ReadFile(filepath.Join(dir, "README.md")); err == nil {
			if m := title.FindStringSubmatch(string(readme)); m != nil {
				l.Title = strings.ReplaceAll(m[2], "`", "")
			}
		}
		data, err := os.ReadFile(filepath.Join(dir, "exercise", "exercise.json"))
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			return nil, err
		default:
			l.Exercise = new(exercise)
			if err := json.Unmarshal(data, l.Exercise); err != nil {
				return nil, fmt.Errorf("lessons/%s/exercise/exercise.json: %v", l.Dir, err)
			}
		}
		ls = append(ls, l)
	}
	return ls, nil
}

// find returns the lesson named by arg: "7", "07" or "07-double-close".
func find(ls []lesson, arg string) (lesson, error) {
	num := arg
	if len(num) == 1 {
		num = "0" + num
	}
	for _, l := range ls {
		if l.Num == num || l.Dir == arg {
			if l.Exercise == nil {
				return l, fmt.Errorf("lesson %s has no exercise yet", l.Num)
			}
			return l, nil
		}
	}
	return lesson{}, fmt.Errorf("no lesson %q: `go run ./cmd/lessons` lists them", arg)
}

// progress is what the runner remembers, per lesson number.
type progress struct {
	path    string
	Lessons map[string]*state `json:"lessons"`
}

type state struct {
	State string `json:"state"`           // "exercise failing" or "done"
	Hints int    `json:"hints,omitempty"` // hints shown so far
}

const notStarted = "not started"

// loadProgress reads pckit/progress.json under the user config directory.
func loadProgress() (*progress, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return nil, fmt.Errorf("no place to keep your progress: %v", err)
	}
	p := &progress{path: filepath.Join(dir, "pckit", "progress.json"), Lessons: map[string]*state{}}
	data, err := os.ReadFile(p.path)
	if errors.Is(err, os.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, p); err != nil {
		return nil, fmt.Errorf("%s: %v (delete it to start over)", p.path, err)
	}
	if p.Lessons == nil {
		p.Lessons = map[string]*state{}
	}
	return p, nil
}

func (p *progress) of(num string) *state {
	if p.Lessons[num] == nil {
		p.Lessons[num] = &state{State: notStarted}
	}
	return p.Lessons[num]
}

func (p *progress) save() error {
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p.path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p.path, append(data, '\n'), 0o644)
}

func list(w io.Writer, ls []lesson, p *progress) {
	done := 0
	for _, l := range ls {
		s := notStarted
		switch {
		case l.Exercise == nil:
			s = "no exercise yet"
		case p.Lessons[l.Num] != nil:
			s = p.Lessons[l.Num].State
		}
		if s == "done" {
			done++
		}
		fmt.Fprintf(w, "%s  %-16s  %s\n", l.Num, s, l.Title)
	}
	fmt.Fprintf(w, "\n%d of %d done. `go run ./cmd/lessons check NN` checks lesson NN's exercise (lessons/NN-*/exercise/).\n", done, len(ls))
}

func hint(stdout, stderr io.Writer, l lesson, p *progress) int {
	s := p.of(l.Num)
	if s.Hints >= len(l.Exercise.Hints) {
		fmt.Fprintf(stdout, "No more hints for lesson %s. The last one:\n\n%s\n", l.Num, l.Exercise.Hints[len(l.Exercise.Hints)-1])
		return 0
	}
	s.Hints++
	fmt.Fprintf(stdout, "Hint %d of %d for lesson %s:\n\n%s\n", s.Hints, len(l.Exercise.Hints), l.Num, l.Exercise.Hints[s.Hints-1])
	if err := p.save(); err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	return 0
}

func check(ctx context.Context, stdout, stderr io.Writer, root string, l lesson, p *progress) int {
	for _, need := range l.Exercise.Needs {
		if need == "tla" {
			if err := findTLA(ctx, root, stdout, stderr); err != nil {
				fmt.Fprintln(stderr, err)
				return 2
			}
		}
	}
	args := l.Command()
	fmt.Fprintf(stdout, "Lesson %s: %s\n$ %s\n", l.Num, l.Exercise.Title, strings.Join(args, " "))
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Dir = root
	// -count=1: a check may run other go commands, which the test cache
	// does not see, so a cached result could be stale.
	cmd.Env = append(os.Environ(), "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -count=1"))
	out, err := cmd.CombinedOutput()
	if exit := (*exec.ExitError)(nil); err != nil && !errors.As(err, &exit) {
		fmt.Fprintf(stderr, "cannot run the check: %v\n", err)
		return 2
	}
	s := p.of(l.Num)
	code := 0
	if err == nil {
		s.State = "done"
		fmt.Fprintf(stdout, "\nPassed: lesson %s is done.\n", l.Num)
	} else {
		s.State = "exercise failing"
		code = 1
		said := strings.ReplaceAll(string(out), root+string(filepath.Separator), "")
		fmt.Fprintf(stdout, "\n%s\n\nNot yet: the check fails.", relevant(said))
		if s.Hints == 0 {
			s.Hints = 1
		}
		fmt.Fprintf(stdout, " Hint %d of %d:\n\n%s\n\n`go run ./cmd/lessons hint %s` gives the next hint.\n", s.Hints, len(l.Exercise.Hints), l.Exercise.Hints[s.Hints-1], l.Num)
	}
	if err := p.save(); err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	return code
}

// noise matches lines of go test's output that say nothing about the
// learner's code.
var noise = regexp.MustCompile(`^(=== (RUN|PAUSE|CONT|NAME)|\s*--- PASS|PASS$|FAIL$|ok\s|FAIL\s+\S+\s+[\d.]+s$)`)

// maxLines bounds what check prints of the checker's output.
const maxLines = 60

// relevant trims go test's output to what the checker said: it drops the
// test runner's own lines and the stack frames in the Go installation
// (the runtime, the testing package), and keeps at most maxLines lines:
// the first and the last, where go test reports the failing tests.
func relevant(out string) string {
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	inGoroot := func(string) bool { return false }
	if err == nil {
		prefix := strings.TrimSpace(string(goroot)) + string(filepath.Separator)
		inGoroot = func(line string) bool { return strings.HasPrefix(strings.TrimSpace(line), prefix) }
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	var keep []string
	for i := 0; i < len(lines); i++ {
		// A stack frame is a function line followed by its file line.
		if i+1 < len(lines) && inGoroot(lines[i+1]) {
			i++
			continue
		}
		if !noise.MatchString(lines[i]) {
			keep = append(keep, lines[i])
		}
	}
	if len(keep) > maxLines { // keep the start and the end, where the tests fail
		cut := fmt.Sprintf("[… %d more lines: run the command above to see them all]", len(keep)-maxLines)
		keep = append(append(keep[:maxLines/2:maxLines/2], cut), keep[len(keep)-maxLines/2:]...)
	}
	return strings.Join(keep, "\n")
}

// findTLA makes sure the offline TLA+ checker is installed in root/tla:
// it runs `npm ci --prefix tla` if it is not and npm is on PATH, and
// otherwise says what to install and run.
func findTLA(ctx context.Context, root string, stdout, stderr io.Writer) error {
	if _, err := exec.LookPath("node"); err != nil {
		return errors.New("this lesson's check runs the offline TLA+ checker, which needs Node.js 18 or later: install Node.js and npm, then run `npm ci --prefix tla` from the repository root")
	}
	if _, err := os.Stat(filepath.Join(root, "tla", "node_modules", "tla-checker")); err == nil {
		return nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return errors.New("this lesson's check runs the offline TLA+ checker, which is not installed: install npm, then run `npm ci --prefix tla` from the repository root")
	}
	fmt.Fprintln(stdout, "The offline TLA+ checker is not installed; installing it:\n$ npm ci --prefix tla")
	cmd := exec.CommandContext(ctx, npm, "ci", "--prefix", "tla")
	cmd.Dir = root
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("`npm ci --prefix tla` failed (%v): run it yourself from the repository root", err)
	}
	return nil
}
