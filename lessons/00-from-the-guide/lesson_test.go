//go:build !broken

package fromtheguide

import (
	"regexp"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestRunDemo against the word-for-word demo and
// asserts synctest's deadlock: RunDemo waits in WaitGroup.Wait while
// producers wait in Push on a full queue that nobody will pop again.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestRunDemo$")
	sig := []string{
		`--- FAIL: TestRunDemo`,
		`panic: deadlock: all goroutines in bubble are blocked`,
		`(?s)goroutine N \[sync\.WaitGroup\.Wait \(durable\), synctest bubble \d+\]:.*\.RunDemo\(`,
		`(?s)goroutine N \[sync\.Cond\.Wait \(durable\), synctest bubble \d+\]:.*queue\.\(\*Queue\[\.\.\.\]\)\.Push\(.*demo_broken\.go:\d+`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", oneOfEach(lessontest.DeadlockStanzas(out, "demo_broken.go")), sig...)
}

// oneOfEach keeps the first of the goroutine stanzas that differ only in
// their call arguments (the three producers parked in Push), marks the
// others' place with "[…]", and drops the marks of the stanzas cut before.
func oneOfEach(out string) string {
	args := regexp.MustCompile(`\(.*\)`)
	seen := map[string]bool{}
	var keep []string
	for _, stanza := range strings.Split(out, "\n\n") {
		key := args.ReplaceAllString(stanza, "()")
		switch {
		case stanza == "[…]":
		case !seen[key]:
			seen[key] = true
			keep = append(keep, stanza)
		case keep[len(keep)-1] != "[…]":
			keep = append(keep, "[…]")
		}
	}
	return strings.Join(keep, "\n\n")
}
