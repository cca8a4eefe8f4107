//go:build !broken

package timeouts

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestPopTimeout on the broken Pop and asserts the
// test's verdict and synctest's deadlock panic naming the Pop blocked in
// sync.Cond.Wait in pop_broken.go.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestPopTimeout$")
	sig := []string{
		`Pop is still blocked after its deadline has passed`,
		`deadlock: main bubble goroutine has exited but blocked goroutines remain`,
		`sync\.\(\*Cond\)\.Wait`,
		`\(\*CondQueue\)\.Pop\(`,
		`pop_broken\.go:\d+`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
