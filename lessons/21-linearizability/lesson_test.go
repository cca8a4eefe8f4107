//go:build !broken

package linearizable

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestPopBatchLinearizable against the PopBatch
// made of single pops and asserts spec.Check's verdict, Illegal, on the
// history in which the batch returned [1 3] around another client's pop of
// 2, with those two calls as the witness.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestPopBatchLinearizable$")
	// The temporary directory's name changes from run to run.
	out = regexp.MustCompile(`\S*TestPopBatchLinearizable\d+/\d+/`).ReplaceAllString(out, "$$TMPDIR/…/")
	sig := []string{
		`--- FAIL: TestPopBatchLinearizable`,
		`spec.Check: Illegal: no order of the calls fits the specification`,
		`leaves the queue \[1 2 3\] cap 4, and none of these calls can take effect next\n +client 0  \[7, 10\]  popBatch\(2\) → \[1 3\]\n +client 1  \[8, 9\]  pop\(\) → 2\n`,
		`porcupine's view of the history: \S+history\.html`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}

// TestReadmeQuotesPopBatch checks that the lines the README quotes from
// queue.Queue.PopBatch stand, in that order, in its body in queue/queue.go.
func TestReadmeQuotesPopBatch(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(readme), "<!-- queue.go PopBatch -->\n```go\n")
	quote, _, found := strings.Cut(after, "```")
	if !found {
		t.Fatal("README.md has no quoted PopBatch")
	}
	src, err := os.ReadFile("../../queue/queue.go")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(string(src), "func (q *Queue[T]) PopBatch(")
	body, _, _ = strings.Cut(body, "\n}\n")
	lines := strings.Split(body, "\n")
	for quoted := range strings.Lines(quote) {
		quoted = strings.TrimSpace(quoted)
		i := slices.IndexFunc(lines, func(l string) bool { return strings.TrimSpace(l) == quoted })
		if i < 0 {
			t.Fatalf("README.md quotes %q, which is not in PopBatch after the lines quoted before it", quoted)
		}
		lines = lines[i+1:]
	}
}
