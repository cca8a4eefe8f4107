//go:build !broken

package backpressure

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestBackpressure on the unbounded Buffer and
// asserts that it measured the buffer growing to 901 items, far past its
// capacity of 16, and the heap growing past the bound.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestBackpressure$")
	sig := []string{
		`--- FAIL: TestBackpressure`,
		`peak Len 901, HighWater 901, Cap 16; heap held when the producer was done: \d+ bytes`,
		`the buffer grew to 901 items \(HighWater 901\); capacity is 16`,
		`heap held \d+ bytes; a buffer of 16 items of 4096 bytes should hold under 262144`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
