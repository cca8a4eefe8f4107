//go:build exercise

package exercise

import (
	"context"
	_ "embed"
	"errors"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

type first func(context.Context, ...func() int) (int, error)

// race calls first with three functions: one returns 7 at once, two only
// once first has returned and the test lets them.
func race(t *testing.T, first first) {
	t.Helper()
	release := make(chan struct{})
	defer close(release) // runs before the deferred goleak check
	slow := func() int {
		<-release
		return 1
	}
	if v, err := first(context.Background(), slow, func() int { return 7 }, slow); v != 7 || err != nil {
		t.Errorf("First = %d, %v; want 7, nil", v, err)
	}
}

// TestFirst: the first result wins, and no goroutine is left once the
// others have returned.
func TestFirst(t *testing.T) {
	defer goleak.VerifyNone(t)
	race(t, First)
	if _, err := First(context.Background()); !errors.Is(err, ErrNoFuncs) {
		t.Errorf("First() = %v, want ErrNoFuncs", err)
	}
}

// TestFirstTimeout: when ctx ends first, First returns its error, and no
// goroutine is left once the functions have returned.
func TestFirstTimeout(t *testing.T) {
	defer goleak.VerifyNone(t)
	release := make(chan struct{})
	defer close(release)
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	slow := func() int {
		<-release
		return 1
	}
	if v, err := First(ctx, slow, slow); v != 0 || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("First = %d, %v; want 0, context.DeadlineExceeded", v, err)
	}
}

// startFirst is First as the exercise hands it to you.
func startFirst(ctx context.Context, fs ...func() int) (int, error) {
	results := make(chan int)
	for _, f := range fs {
		go func() {
			results <- f()
		}()
	}
	select {
	case v := <-results:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// TestStartFirst runs race on startFirst, whose goroutines stay blocked
// for good; only TestPrediction runs it, in a child process.
func TestStartFirst(t *testing.T) {
	if !lessontest.InChild(t) {
		return
	}
	defer goleak.VerifyNone(t)
	race(t, startFirst)
}

var leaked = regexp.MustCompile(`Goroutine N in state ([^,]+), with`)

// TestPrediction checks your answers against goleak's report on
// startFirst.
func TestPrediction(t *testing.T) {
	out, _ := lessontest.Child(t, "TestStartFirst")
	found := leaked.FindAllStringSubmatch(out, -1)
	if len(found) == 0 {
		t.Fatalf("goleak reported no goroutine left by the starting First:\n%s", out)
	}
	lessontest.ExpectAnswers(t, prediction, strconv.Itoa(len(found)), found[0][1])
}
