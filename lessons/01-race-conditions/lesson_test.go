//go:build !broken

package races

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs the broken Counter under the race detector and
// asserts the report names the racing accesses in counter_broken.go.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestCounter$")
	sig := []string{
		`WARNING: DATA RACE`,
		`\(\*Counter\)\.Inc\(\)`,
		`counter_broken\.go:\d+`,
		`testing\.go:\d+: race detected during execution of test`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
