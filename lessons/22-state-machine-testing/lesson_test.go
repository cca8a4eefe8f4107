//go:build !broken

package statemachine

import (
	"os"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestQueueStateMachine against the TryPop that
// loses items after Close and asserts gopter's report: the property
// falsified, the failing postcondition, and the sequence shrunk to
// tryPush(0) close() tryPop().
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestQueueStateMachine$")
	sig := []string{
		`! Queue behaves as spec\.FIFO\(2\): Falsified after \d+ passed tests\.`,
		`Labels of failing property: tryPop\(\): want tryPop\(\) → 0, got tryPop\(\) → closed`,
		`ARG_0: initialState=\[\] cap 2 sequential=\[tryPush\(0\) close\(\) tryPop\(\)\]`,
		`ARG_0_ORIGINAL \(\d+ shrinks\): initialState=\[\] cap 2 sequential=\[`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}

// TestReadmeQuotesTryPop checks that the TryPop the README quotes is the one
// in queue/queue.go.
func TestReadmeQuotesTryPop(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(readme), "<!-- queue.go TryPop -->\n```go\n")
	quote, _, found := strings.Cut(after, "```")
	if !found {
		t.Fatal("README.md has no quoted TryPop")
	}
	src, err := os.ReadFile("../../queue/queue.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), quote) {
		t.Errorf("README.md quotes a TryPop that is not in queue/queue.go:\n%s", quote)
	}
}
