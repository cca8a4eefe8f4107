package page

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pckit/pckit/tla"
)

// plays are the play-the-scheduler pages of the lessons: the broken model
// the learner breaks, and the fixed one that has no path to the bug.
var plays = []struct{ lesson, broken, fixed string }{
	{"03-lock-order", "TwoQueuesABBA", "TwoQueues"},
	{"09-for-not-if", "PlayQueuePopIf", "PlayQueue"},
	{"10-lost-wakeups", "PlayQueueLostWakeup", "PlayQueue"},
	{"11-condvar-deadlock", "PlayQueueOneCond", "PlayQueueTwoConds"},
}

func lookup(t *testing.T, name string) tla.Model {
	t.Helper()
	m, err := tla.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestLessonsLinkTheirPages: lessons 03, 09, 10 and 11 give the command of
// their play pages, and 10, 11 and 24 that of a trace page, of models that
// exist.
func TestLessonsLinkTheirPages(t *testing.T) {
	want := map[string][]string{}
	for _, p := range plays {
		want[p.lesson] = append(want[p.lesson],
			"go run ./cmd/trace -play tla/"+lookup(t, p.broken).Config,
			"go run ./cmd/trace -play tla/"+lookup(t, p.fixed).Config)
	}
	for lesson, model := range map[string]string{"10-lost-wakeups": "QueueLostWakeup", "11-condvar-deadlock": "OneCond", "24-reading-tlc": "QueueLostWakeup"} {
		want[lesson] = append(want[lesson], "go run ./cmd/trace tla/"+lookup(t, model).Config)
	}
	for lesson, cmds := range want {
		readme, err := os.ReadFile(filepath.Join(tla.Dir(), "..", "lessons", lesson, "README.md"))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cmds {
			if !strings.Contains(string(readme), c) {
				t.Errorf("lessons/%s/README.md lacks %s", lesson, c)
			}
		}
	}
}
