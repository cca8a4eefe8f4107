//go:build !broken

package joining

import (
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs go vet on the broken Group and asserts that it
// flags the Add inside the new goroutine; then runs TestGroupErrors on the
// broken Group and asserts that it reports the dropped errors. The README
// quotes both outputs, each after the command that printed it (run in this
// folder).
func TestBrokenIsCaught(t *testing.T) {
	vet, code := lessontest.Run(t, "go", "vet", "-tags", "broken", ".")
	if code == 0 {
		t.Fatalf("go vet passed the broken Group; it should flag the Add:\n%s", vet)
	}
	vetSig := []string{
		`group_broken\.go:\d+:\d+: WaitGroup\.Add called from inside new goroutine`,
	}
	lessontest.Expect(t, vet, vetSig...)

	out := lessontest.GoTestBroken(t, "^TestGroupErrors$")
	testSig := []string{
		`--- FAIL: TestGroupErrors`,
		`Wait\(\) = <nil>; want an error that wraps both "task a failed" and "task b failed"`,
	}
	lessontest.Expect(t, out, testSig...)
	if strings.Contains(out, "WaitGroup.Add called") {
		t.Errorf("go test ran the waitgroup analyzer; the README says it does not:\n%s", out)
	}

	transcript := "$ go vet -tags broken .\n" + vet +
		"\n$ go test -race -tags broken -run '^TestGroupErrors$' .\n" + out
	lessontest.Quote(t, "README.md", transcript, append(vetSig, testSig...)...)
}
