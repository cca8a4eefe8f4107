//go:build !broken

package linearizable

import (
	"regexp"
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
	lessontest.QuotesFunc(t, "<!-- queue.go PopBatch -->", "../../queue/queue.go", "func (q *Queue[T]) PopBatch(")
}
