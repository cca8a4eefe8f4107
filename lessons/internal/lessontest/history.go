package lessontest

import (
	"fmt"
	"strings"

	"github.com/anishathalye/porcupine"
	"github.com/pckit/pckit/spec"
)

// History describes a history recorded by spec's Recorder, one call a
// line, each line after a newline and two spaces: its client, its
// invocation and response times on the recorder's logical clock, and the
// call with its result, e.g. "client 0, t=1..2: pushBatch([1 2]) → 2".
func History(history []porcupine.Operation) string {
	var b strings.Builder
	for _, op := range history {
		fmt.Fprintf(&b, "\n  client %d, t=%d..%d: %s", op.ClientId, op.Call, op.Return,
			spec.DescribeOperation(op.Input.(spec.Input), op.Output.(spec.Output)))
	}
	return b.String()
}
