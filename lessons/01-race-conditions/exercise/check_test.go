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

// counter is what TestCounter and the prediction's scenario need of a
// counter.
type counter interface {
	Inc()
	Value() int
}

// run has four goroutines Inc 1000 times each while a fifth polls Value
// until they are done, and returns the final count and the last count the
// poller saw. The poller reads at least once before anything orders it
// after the writers, so on the starting Counter there is a race on every
// run. The detector can still miss it: it did in about 1 run in 150-300
// on a busy two-core machine.
func run(c counter) (final, polled int) {
	var wg sync.WaitGroup
	done := make(chan struct{})
	for range 4 {
		wg.Go(func() {
			for range 1000 {
				c.Inc()
			}
		})
	}
	var poller sync.WaitGroup
	poller.Go(func() {
		for {
			polled = c.Value() // a progress report, at least one
			select {
			case <-done:
				return
			default:
			}
		}
	})
	wg.Wait()
	close(done)
	poller.Wait()
	return c.Value(), polled
}

// TestCounter runs your Counter. Under -race the detector fails the test
// if any two accesses to n are unordered.
func TestCounter(t *testing.T) {
	final, polled := run(&Counter{})
	if final != 4000 || polled > final {
		t.Fatalf("count = %d, want 4000; the poller saw %d", final, polled)
	}
}

// startCounter is Counter as the exercise hands it to you.
type startCounter struct {
	mu sync.Mutex
	n  int
}

func (c *startCounter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

func (c *startCounter) Value() int { return c.n }

// TestStartCounter runs the scenario on startCounter; only TestPrediction
// runs it, in a child process, and reads the detector's report.
func TestStartCounter(t *testing.T) {
	if !lessontest.InChild(t) {
		return
	}
	run(&startCounter{})
}

// access matches one access of a race report and the method that made it.
var access = regexp.MustCompile(`(?i)(read|write) at 0x\S+ by goroutine N:\n\s+\S+\.\(\*startCounter\)\.(\w+)\(\)`)

// TestPrediction checks your answers against the detector's report on
// startCounter. A run the detector missed the race in is run again, up to
// three runs.
func TestPrediction(t *testing.T) {
	method := map[string]string{}
	var out string
	for range 3 {
		out, _ = lessontest.Child(t, "TestStartCounter")
		for _, m := range access.FindAllStringSubmatch(out, -1) {
			method[m[1]] = m[2]
		}
		if method["Read"] != "" || method["read"] != "" {
			break
		}
	}
	if method["Read"] == "" && method["read"] == "" {
		t.Fatalf("the race detector reported no race on the starting Counter in three runs; run the check with -race:\n%s", out)
	}
	read, write := method["Read"]+method["read"], method["Write"]+method["write"]
	lessontest.ExpectAnswers(t, prediction, read, write)
}
