package linearizable

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/anishathalye/porcupine"
	"github.com/pckit/pckit/spec"
)

// TestPopBatchLinearizable records a two-client history with spec's
// Recorder and checks it with porcupine against spec.FIFO. Client 0 pushes
// 1, 2, 3 and calls PopBatch for two items; while that batch is in
// progress (the Yield hook, at the point where PopBatch lets others in),
// client 1 calls Pop. porcupine must find an order of the calls, each
// taking effect at one instant inside its own call, that the sequential
// specification allows. It writes porcupine's HTML view of the history to
// $PCKIT_HTML, which must name a file outside the repository, or to a file
// in the test's temporary directory.
func TestPopBatchLinearizable(t *testing.T) {
	q, err := New(4)
	if err != nil {
		t.Fatal(err)
	}
	rec := spec.NewRecorder(q)
	c0, c1 := rec.Client(0), rec.Client(1)
	ctx := context.Background()
	for v := 1; v <= 3; v++ {
		if err := c0.Push(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	popped := false
	var v1 int
	q.Yield = func() {
		if !popped {
			popped = true
			v1, _ = c1.Pop(ctx)
		}
	}
	dst := make([]int, 2)
	n, err := c0.PopBatch(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}

	history := rec.History()
	sp := spec.FIFO(4)
	res := spec.Check(sp, history, 0)
	path := htmlPath(t)
	if err := spec.WriteHTML(path, sp, history, res); err != nil {
		t.Fatal(err)
	}
	t.Logf("porcupine's view of the history: %s", path)
	if res.Verdict != porcupine.Ok {
		t.Fatalf("spec.Check: %s\nthe whole history:\n%s", res, describe(history))
	}
	// Linearizable, and here in one order only: client 1's pop, then the batch.
	if v1 != 1 || n != 2 || dst[0] != 2 || dst[1] != 3 {
		t.Fatalf("pop() → %d, popBatch(2) → %v; want 1, then [2 3]", v1, dst[:n])
	}
}

// describe lists a history, one call a line, with its client and its
// invocation and response times on the recorder's logical clock.
func describe(history []porcupine.Operation) string {
	var b strings.Builder
	for _, op := range history {
		fmt.Fprintf(&b, "  client %d  [%2d, %2d]  %s\n", op.ClientId, op.Call, op.Return,
			spec.DescribeOperation(op.Input.(spec.Input), op.Output.(spec.Output)))
	}
	return b.String()
}

// htmlPath returns where to write porcupine's view: $PCKIT_HTML, which must
// lie outside the repository, or a file in the test's temporary directory.
func htmlPath(t *testing.T) string {
	path := os.Getenv("PCKIT_HTML")
	if path == "" {
		return filepath.Join(t.TempDir(), "history.html")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if rel, err := filepath.Rel(root, abs); err == nil && !strings.HasPrefix(rel, "..") {
		t.Fatalf("PCKIT_HTML=%s lies inside the repository; name a file outside it, e.g. /tmp/history.html", path)
	}
	return abs
}
