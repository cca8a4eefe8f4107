//go:build !broken

package races

import (
	"os"
	"regexp"
	"strings"
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

// TestBrokenCanPass backs the README: without -race, the broken TestCounter
// can pass (a right count proves nothing). Of 20 runs, at least one must
// count 4000; and the README's quoted -race run has no "count =" line, so
// the detector failed a run whose count was right.
func TestBrokenCanPass(t *testing.T) {
	const runs = 20
	out, _ := lessontest.Run(t, "go", "test", "-tags", "broken", "-run", "^TestCounter$", "-count", "20", ".")
	if fails := strings.Count(out, "--- FAIL: TestCounter"); fails == runs {
		t.Errorf("the broken TestCounter failed all %d runs without -race; the README says it can pass:\n%s", runs, out)
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if regexp.MustCompile(`count = \d`).Match(readme) {
		t.Errorf("README.md quotes a run that lost increments; it says the quoted run counted 4000 (regenerate with PCKIT_UPDATE=1)")
	}
}
