//go:build !broken

package waitforever

import (
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestFetchAllWithAnError against the broken
// FetchAll and asserts synctest's deadlock, with FetchAll parked in
// WaitGroup.Wait and none of its workers left alive. The README quotes the
// goroutines that pass through fetch_broken.go.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestFetchAllWithAnError$")
	sig := []string{
		`--- FAIL: TestFetchAllWithAnError`,
		`panic: deadlock: all goroutines in bubble are blocked`,
		`(?s)goroutine N \[sync\.WaitGroup\.Wait \(durable\), synctest bubble \d+\]:.*\.FetchAll\(.*fetch_broken\.go:\d+`,
	}
	lessontest.Expect(t, out, sig...)
	if strings.Contains(out, "FetchAll.func1") {
		t.Errorf("a worker of FetchAll is still alive; the README says none is:\n%s", out)
	}
	lessontest.Quote(t, "README.md", lessontest.DeadlockStanzas(out, "fetch_broken.go"), sig...)
}
