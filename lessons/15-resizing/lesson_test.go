//go:build !broken

package resizing

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs the three resize tests on the naive queue and
// asserts each verdict: gopter's shrunk sequence in which an item vanishes,
// the items lost by shrinking, and the pusher left blocked by growing.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^Test(Spec|ShrinkKeepsItems|GrowWakesPusher)$")
	sig := []string{
		`! the queue follows spec\.FIFO\(2\): Falsified after \d+ passed tests\.`,
		`ARG_0: initialState=\[\] cap 2 sequential=\[pushBatch\(0,0\) resize\(1\)\s+popBatch\(2\)\]`,
		`--- FAIL: TestSpec`,
		`--- FAIL: TestShrinkKeepsItems`,
		`lost items: pushed \[1 2 3 4\], shrank to 2, popped \[1 2\]`,
		`--- FAIL: TestGrowWakesPusher`,
		`Resize\(2\) made room, but the waiting Push is still blocked`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
