//go:build !broken

package lostcancel

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs go vet on the broken FirstAnswer and asserts that
// lostcancel flags the path that skips cancel; then runs TestFirstAnswer on
// it and asserts that the answering mirror's context is left live. The
// README quotes both, each after its command (run in this folder).
func TestBrokenIsCaught(t *testing.T) {
	vet, code := lessontest.Run(t, "go", "vet", "-tags", "broken", ".")
	if code == 0 {
		t.Fatalf("go vet passed the broken FirstAnswer; lostcancel should flag it:\n%s", vet)
	}
	vetSig := []string{
		`first_broken\.go:\d+:\d+: the cancel function is not used on all paths \(possible context leak\)`,
		`first_broken\.go:\d+:\d+: this return statement may be reached without using the cancel var defined on line \d+`,
	}
	lessontest.Expect(t, vet, vetSig...)

	out := lessontest.GoTestBroken(t, "^TestFirstAnswer$")
	testSig := []string{
		`--- FAIL: TestFirstAnswer`,
		`1 of the 2 contexts FirstAnswer made are still live after it returned`,
	}
	lessontest.Expect(t, out, testSig...)

	transcript := "$ go vet -tags broken .\n" + vet +
		"\n$ go test -race -tags broken -run '^TestFirstAnswer$' .\n" + out
	lessontest.Quote(t, "README.md", transcript, append(vetSig, testSig...)...)
}
