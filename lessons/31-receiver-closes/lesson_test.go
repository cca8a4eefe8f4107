//go:build !broken

package receivercloses

import (
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestCollect against the broken Collect and
// asserts the runtime's panic in a sender's goroutine, at its send in
// collect_broken.go. (Under -race the detector may report the close racing
// with a send first, when it gets to print before the panic ends the
// program; the README quotes from the panic on.)
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestCollect$")
	sig := []string{
		`panic: send on closed channel`,
		`(?s)goroutine N \[running\]:.*\.Collect\.func1\(\)\n\s+lessons/31-receiver-closes/collect_broken\.go:\d+`,
	}
	lessontest.Expect(t, out, sig...)
	if i := strings.Index(out, "panic: "); i >= 0 {
		out = out[i:]
	}
	lessontest.Quote(t, "README.md", out, sig...)
}
