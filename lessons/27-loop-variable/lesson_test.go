//go:build !broken

package loopvar

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs go vet on the broken RunAll, compiled as Go 1.21
// code, and asserts that its loopclosure check flags the captured name;
// then runs TestRunAll on it and asserts that every call got the last name.
// The README quotes both, each after its command (run in this folder).
func TestBrokenIsCaught(t *testing.T) {
	vet, code := lessontest.Run(t, "go", "vet", "-tags", "broken", ".")
	if code == 0 {
		t.Fatalf("go vet passed the broken RunAll; loopclosure should flag it:\n%s", vet)
	}
	vetSig := []string{`runall_broken\.go:\d+:\d+: loop variable name captured by func literal`}
	lessontest.Expect(t, vet, vetSig...)

	out := lessontest.GoTestBroken(t, "^TestRunAll$")
	testSig := []string{
		`--- FAIL: TestRunAll`,
		`run got the names \["c" "c" "c"\], want \["a" "b" "c"\]`,
	}
	lessontest.Expect(t, out, testSig...)

	transcript := "$ go vet -tags broken .\n" + vet +
		"\n$ go test -race -tags broken -run '^TestRunAll$' .\n" + out
	lessontest.Quote(t, "README.md", transcript, append(vetSig, testSig...)...)
}

// TestFixedIsVetClean runs go vet on the fixed RunAll: the same capture,
// in Go 1.25 code, is no finding.
func TestFixedIsVetClean(t *testing.T) {
	if out, code := lessontest.Run(t, "go", "vet", "."); code != 0 {
		t.Fatalf("go vet flags the fixed RunAll:\n%s", out)
	}
}
