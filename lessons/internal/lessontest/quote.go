package lessontest

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// QuotesFunc checks that the Go block that follows the line marker in the
// lesson's README.md quotes lines of the function whose declaration starts
// with decl in the file src (relative to the lesson's folder): every quoted
// line stands in the function's body, in the quote's order, other lines
// (such as those that log the model's steps) possibly between them, and
// line comments left out.
func QuotesFunc(t testing.TB, marker, src, decl string) {
	t.Helper()
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(readme), marker+"\n```go\n")
	quote, _, found := strings.Cut(after, "```")
	if !found {
		t.Fatalf("README.md has no Go block after %s", marker)
	}
	code, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	_, body, found := strings.Cut(string(code), "\n"+decl)
	if !found {
		t.Fatalf("%s has no %s", src, decl)
	}
	body, _, _ = strings.Cut(body, "\n}\n")
	lines := strings.Split(body, "\n")
	for quoted := range strings.Lines(quote) {
		quoted = strings.TrimSpace(quoted)
		i := slices.IndexFunc(lines, func(l string) bool {
			code, _, _ := strings.Cut(l, "// ")
			return strings.TrimSpace(code) == quoted
		})
		if i < 0 {
			t.Fatalf("README.md quotes %q, which %s does not have (after the lines quoted before it) in %s", quoted, src, decl)
		}
		lines = lines[i+1:]
	}
}
