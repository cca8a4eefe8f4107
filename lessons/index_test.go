package lessons_test

import (
	"os"
	"path/filepath"
	"regexp"
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
