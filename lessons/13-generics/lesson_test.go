//go:build !broken

package generics

import (
	"os"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestPipeline on the broken producer and asserts
// the run-time panic of the consumer's type assertion in jobs_broken.go.
// Then it builds testdata/wrongtype, the same producer mistake against
// pckit's queue.Queue[int], and asserts that the compiler rejects it. The
// README quotes both outputs, one after the other.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestPipeline$")
	sig := []string{
		`panic: interface conversion: interface \{\} is string, not int`,
		`generics\.Consume\(`,
		`jobs_broken\.go:\d+`,
	}
	lessontest.Expect(t, out, sig...)

	build, code := lessontest.Run(t, "go", "build", "-o", os.DevNull, "./testdata/wrongtype")
	if code == 0 {
		t.Fatalf("testdata/wrongtype compiled; pushing a string onto a queue.Queue[int] must not:\n%s", build)
	}
	compiler := []string{
		`testdata/wrongtype/main\.go:\d+:\d+: cannot use fields\[1\] \(variable of type string\) as int value in argument to q\.Push`,
	}
	lessontest.Expect(t, build, compiler...)

	transcript := "$ cd lessons/13-generics\n" +
		"$ go test -race -tags broken -run '^TestPipeline$' .\n" + out +
		"$ go build -o /dev/null ./testdata/wrongtype/   # the same mistake on queue.Queue[int]\n" + build
	lessontest.Quote(t, "README.md", transcript, append(sig, compiler...)...)
}
