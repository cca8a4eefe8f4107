//go:build exercise

package exercise

import (
	"context"
	_ "embed"
	"regexp"
	"strconv"
	"sync"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// scenario sends three jobs to serve with three workers, cancels ctx once
// all three are handled, and returns the jobs handled and goleak's report
// of the goroutines left (nil if none). Then it closes the jobs channel,
// which ends any worker still reading it.
func scenario(serve func(context.Context, <-chan int, int, func(int))) (handled int, leaks error) {
	opt := goleak.IgnoreCurrent()
	jobs := make(chan int, 3)
	defer close(jobs)
	for j := range 3 {
		jobs <- j
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	serve(ctx, jobs, 3, func(int) {
		mu.Lock()
		defer mu.Unlock()
		if handled++; handled == 3 {
			cancel()
		}
	})
	mu.Lock()
	defer mu.Unlock()
	return handled, goleak.Find(opt)
}

// TestServe: every job handled once, and no goroutine of Serve left.
func TestServe(t *testing.T) {
	handled, leaks := scenario(Serve)
	if leaks != nil {
		t.Errorf("goroutines left after Serve returned: %v", leaks)
	}
	if handled != 3 {
		t.Errorf("handled %d jobs, want 3", handled)
	}
}

// startServe is Serve as the exercise hands it to you.
func startServe(ctx context.Context, jobs <-chan int, n int, handle func(int)) {
	for range n {
		go func() {
			for j := range jobs {
				handle(j)
			}
		}()
	}
	<-ctx.Done()
}

var leaked = regexp.MustCompile(`Goroutine \d+ in state ([^,]+), with`)

// TestPrediction runs the scenario on startServe and checks your answers
// against goleak's report.
func TestPrediction(t *testing.T) {
	_, leaks := scenario(startServe)
	if leaks == nil {
		t.Fatal("goleak found no goroutine left by the starting Serve")
	}
	found := leaked.FindAllStringSubmatch(leaks.Error(), -1)
	if len(found) == 0 {
		t.Fatalf("goleak's report names no goroutine state: %v", leaks)
	}
	lessontest.ExpectAnswers(t, prediction, strconv.Itoa(len(found)), found[0][1])
}
