//go:build !broken

package errprop

import (
	"path/filepath"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught builds the broken version's test binary (the build
// `go test -race -tags broken` makes) and runs its error and panic tests:
// the error test fails with the error only logged, and the panic in a
// consumer goroutine ends the binary with exit status 2, printing the
// panic's value and the stack of the consumer in consume_broken.go.
func TestBrokenIsCaught(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "errprop.test")
	if out, code := lessontest.Run(t, "go", "test", "-c", "-race", "-tags", "broken", "-o", bin, "."); code != 0 {
		t.Fatalf("building the broken version failed:\n%s", out)
	}
	out, code := lessontest.Run(t, bin, "-test.run", "^(TestErrorReachesCaller|TestPanicReachesCaller)$")
	if code != 2 {
		t.Errorf("the broken test binary exited with status %d, want 2 (a panic):\n%s", code, out)
	}
	sig := []string{
		`consumer \d: item 2: cannot handle 2: bad item`,
		`--- FAIL: TestErrorReachesCaller`,
		`Consume returned nil: the errors of items 2 and 4 were lost`,
		`panic: four`,
		`goroutine N \[running\]`,
		`TestPanicReachesCaller\.func1\(`,
		`18-error-propagation\.Consume\.func1\(\)`,
		`consume_broken\.go:\d+`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
