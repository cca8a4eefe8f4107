//go:build !broken

package fatalgoroutine

import (
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs go vet on the broken test and asserts that
// testinggoroutine flags its t.Fatalf. The broken test passes while every
// input is valid; with the tag badinput one is not, and the test asserts
// what then happens: the broken test reports the failure, then synctest
// finds the test's goroutine waiting for a result that will never come,
// while the fixed test just fails. The README quotes all three, each after
// its command (run in this folder).
func TestBrokenIsCaught(t *testing.T) {
	vet, code := lessontest.Run(t, "go", "vet", "-tags", "broken", ".")
	if code == 0 {
		t.Fatalf("go vet passed the broken test; testinggoroutine should flag it:\n%s", vet)
	}
	vetSig := []string{`parse_broken_test\.go:\d+:\d+: call to \(\*testing\.T\)\.Fatalf from a non-test goroutine`}
	lessontest.Expect(t, vet, vetSig...)

	broken, code := lessontest.Run(t, "go", "test", "-tags", "broken,badinput", "-run", "^TestParseAll$", ".")
	brokenSig := []string{
		`parse_broken_test\.go:\d+: ParseQuantity\("x"\)`,
		`panic: deadlock: all goroutines in bubble are blocked`,
		`(?s)goroutine N \[chan receive \(durable\), synctest bubble \d+\]:\n[^\n]*TestParseAll\.func1\(`,
	}
	if code == 0 {
		t.Fatalf("the broken test passed with a bad input:\n%s", broken)
	}
	lessontest.Expect(t, broken, brokenSig...)

	fixed, code := lessontest.Run(t, "go", "test", "-tags", "badinput", "-run", "^TestParseAll$", ".")
	fixedSig := []string{`--- FAIL: TestParseAll`, `parse_test\.go:\d+: ParseQuantity\("x"\)`}
	if code == 0 || strings.Contains(fixed, "deadlock") {
		t.Fatalf("the fixed test should fail on the bad input, without a deadlock:\n%s", fixed)
	}
	lessontest.Expect(t, fixed, fixedSig...)

	transcript := "$ go vet -tags broken .\n" + vet +
		"\n$ go test -tags broken,badinput -run '^TestParseAll$' .\n" + lessontest.DeadlockStanzas(broken, "parse_broken_test.go") +
		"\n\n$ go test -tags badinput -run '^TestParseAll$' .\n" + fixed
	lessontest.Quote(t, "README.md", transcript, append(append(vetSig, brokenSig...), fixedSig...)...)
}
