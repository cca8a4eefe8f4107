//go:build exercise

package exercise

import (
	_ "embed"
	"regexp"
	"sync"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestGetWhileSetting reads the gauge while two goroutines set it. Run
// with -race (exercise.json's flags): a read that is not atomic fails this
// test with a DATA RACE report naming Get.
func TestGetWhileSetting(t *testing.T) {
	var g Gauge
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for i := range 100 {
				g.Set(int64(w*1000 + i))
			}
		})
	}
	seen := g.Get() // a monitor's read, while the sets go on
	wg.Wait()
	if last := g.Get(); last != 99 && last != 1099 {
		t.Errorf("Get() = %d after both setters ended, want the last value one of them set (99 or 1099); seen earlier: %d", last, seen)
	}
}

// TestPrediction runs the lesson's broken Counter under the race detector
// and compares prediction.txt with its report.
func TestPrediction(t *testing.T) {
	out := lessontest.GoTestBrokenIn(t, "..", "^TestHitsWhileHitting$")
	atomicFn := regexp.MustCompile(`(?:Write at|Previous write at) [^\n]*\n\s*sync/atomic\.(\w+)\(\)`).FindStringSubmatch(out)
	plain := regexp.MustCompile(`(?:Read at|Previous read at) [^\n]*\n\s*\S+\.\(\*Counter\)\.(\w+)\(\)`).FindStringSubmatch(out)
	if atomicFn == nil || plain == nil {
		t.Fatalf("the lesson's broken run did not report the race this check expects:\n%s", out)
	}
	lessontest.ExpectAnswers(t, prediction, atomicFn[1], plain[1])
}
