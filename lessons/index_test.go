package lessons_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// TestIndex checks lessons/README.md against the lesson folders: one row per
// lesson, in order, each naming the lesson's title and the first command its
// README prints.
func TestIndex(t *testing.T) {
	index, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile("(?m)^\\| (\\d\\d) \\| \\[(.+?)\\]\\((\\d\\d-[a-z0-9-]+)/\\) \\|.*\\| `(.+)` \\|$").FindAllStringSubmatch(string(index), -1)
	dirs, err := filepath.Glob("[0-9][0-9]-*")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(dirs) {
		t.Fatalf("the index has %d rows, there are %d lesson folders %v", len(rows), len(dirs), dirs)
	}
	for i, row := range rows {
		num, title, dir, command := row[1], row[2], row[3], row[4]
		if dir != dirs[i] || !strings.HasPrefix(dir, num+"-") {
			t.Errorf("row %s links %s, want folder %s", num, dir, dirs[i])
			continue
		}
		readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
		if err != nil {
			t.Error(err)
			continue
		}
		first, _, _ := strings.Cut(string(readme), "\n")
		if !strings.HasPrefix(first, "# "+num+" · ") || !strings.Contains(first, strings.TrimSuffix(title, "`")) {
			t.Errorf("%s: title %q does not match the index's %q", dir, first, title)
		}
		if !strings.Contains(string(readme), command) {
			t.Errorf("%s: README does not print the index's command %q", dir, command)
		}
	}
}

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestIndexExercises checks the index's table of exercises against the
// lesson folders: one row per lesson, in order, giving the prerequisites
// and time its README states under its title (every prerequisite an
// earlier lesson), the TLA+ set-up exactly for the lessons that run a
// model check, and the exercise's title and check command from its
// exercise.json.
func TestIndexExercises(t *testing.T) {
	index, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile("(?m)^\\| (\\d\\d) \\| (none|[\\d, ]+) \\| (\\d+) \\| (—|`npm ci --prefix tla`) \\| ([^|]+) \\| `(.+)` \\|$").FindAllStringSubmatch(string(index), -1)
	dirs, err := filepath.Glob("[0-9][0-9]-*")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(dirs) {
		t.Fatalf("the exercises table has %d rows, there are %d lesson folders %v", len(rows), len(dirs), dirs)
	}
	head := regexp.MustCompile(`(?m)^Prerequisites: (none|lessons? ([\d, ]+)) · Time: about (\d+) minutes`)
	for i, row := range rows {
		num, prereqs, minutes, setup, title, command := row[1], row[2], row[3], row[4], row[5], row[6]
		dir := dirs[i]
		if !strings.HasPrefix(dir, num+"-") {
			t.Errorf("exercises row %s is in the place of %s", num, dir)
			continue
		}
		readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
		if err != nil {
			t.Error(err)
			continue
		}
		intro, _, _ := strings.Cut(string(readme), "\n## ")
		m := head.FindStringSubmatch(intro)
		switch {
		case m == nil:
			t.Errorf("%s: README lacks the line \"Prerequisites: lessons NN, NN (or none) · Time: about N minutes\" under its title", dir)
		case (m[1] == "none" && prereqs != "none") || (m[1] != "none" && m[2] != prereqs) || m[3] != minutes:
			t.Errorf("%s: the index says prerequisites %q, %s minutes; the README says %q", dir, prereqs, minutes, m[0])
		}
		for _, p := range strings.Split(prereqs, ", ") {
			if p != "none" && p >= num {
				t.Errorf("%s: prerequisite %s does not come before it on the learning path", dir, p)
			}
		}
		var ex struct {
			Title string   `json:"title"`
			Flags []string `json:"flags"`
			Needs []string `json:"needs"`
		}
		data, err := os.ReadFile(filepath.Join(dir, "exercise", "exercise.json"))
		if err != nil {
			t.Errorf("%s has no exercise: %v", dir, err)
			continue
		}
		if err := json.Unmarshal(data, &ex); err != nil {
			t.Errorf("%s/exercise/exercise.json: %v", dir, err)
			continue
		}
		want := strings.Join(append(append([]string{"go test -tags exercise"}, ex.Flags...), "./lessons/"+dir+"/exercise/"), " ")
		if title != ex.Title || command != want {
			t.Errorf("%s: the index gives exercise %q, `%s`; exercise.json says %q, `%s`", dir, title, command, ex.Title, want)
		}
		if !strings.Contains(string(readme), want) || !strings.Contains(string(readme), "## Your turn") {
			t.Errorf("%s: README lacks a \"Your turn\" section with the check command %s", dir, want)
		}
		tla := slices.Contains(ex.Needs, "tla") || runsModels(t, dir)
		if tla != (setup != "—") {
			t.Errorf("%s: runs a TLA+ check: %v; the index's set-up column says %s", dir, tla, setup)
		}
		if tla && !strings.Contains(intro, "npm ci --prefix tla") {
			t.Errorf("%s runs a TLA+ check, but its README does not say `npm ci --prefix tla` by its commands", dir)
		}
	}
}

// runsModels reports whether a lesson's Go code, exercise included, runs a
// TLA+ checker (through the tla package or lessontest's model helpers).
func runsModels(t *testing.T, dir string) bool {
	t.Helper()
	uses := regexp.MustCompile(`"github.com/pckit/pckit/tla"|lessontest\.(ExpectModel|CheckModel|RunModel)\(`)
	found := false
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		found = found || uses.Match(src)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}
