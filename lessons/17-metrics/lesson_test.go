//go:build !broken

package metrics

import (
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs the scripted snapshot test on the broken Queue and
// asserts that it reports a snapshot with Pushed - Popped != Len, inside
// both Push and Pop, while the race detector stays silent.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestSnapshotMidStep$")
	sig := []string{
		`--- FAIL: TestSnapshotMidStep`,
		`snapshot inside Push\(1\): Len=1 Pushed=0 Popped=0, but Pushed-Popped=0 != Len`,
		`snapshot inside Pop\(\): Len=1 Pushed=2 Popped=0, but Pushed-Popped=2 != Len`,
	}
	lessontest.Expect(t, out, sig...)
	if strings.Contains(out, "DATA RACE") {
		t.Errorf("the race detector reported the broken Queue; the lesson says it is silent:\n%s", out)
	}
	lessontest.Quote(t, "README.md", out, sig...)
}
