//go:build exercise

package exercise

import (
	_ "embed"
	"errors"
	"regexp"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestWaitsForEveryCall: Map must not return while a call of f is still
// running. Each call blocks until Map has returned or the test has seen
// every call start, and records whether Map had already returned. Map
// returning with calls uncounted shows on almost every round: the
// goroutine that calls Wait usually gets there before the new goroutines
// have run at all.
func TestWaitsForEveryCall(t *testing.T) {
	const rounds, calls = 20, 4
	early := 0
	for range rounds {
		var returned atomic.Bool
		started := make(chan struct{}, calls)
		release := make(chan struct{})
		done := make(chan struct{})
		go func() {
			defer close(done)
			_, _ = Map(make([]int, calls), func(int) (int, error) {
				started <- struct{}{}
				<-release
				if returned.Load() {
					return 0, errors.New("Map had returned")
				}
				return 0, nil
			})
			returned.Store(true)
		}()
		for range calls {
			<-started
		}
		if returned.Load() {
			early++
		}
		close(release)
		<-done
	}
	if early > 0 {
		t.Errorf("Map returned while its calls were still running, in %d of %d rounds: its WaitGroup did not count them before Wait", early, rounds)
	}
}

// TestErrors: Map returns every call's result and both errors.
func TestErrors(t *testing.T) {
	errTwo, errFour := errors.New("2 failed"), errors.New("4 failed")
	out, err := Map([]int{1, 2, 3, 4}, func(v int) (int, error) {
		switch v {
		case 2:
			return 0, errTwo
		case 4:
			return 0, errFour
		}
		return v * 10, nil
	})
	if !errors.Is(err, errTwo) || !errors.Is(err, errFour) {
		t.Errorf("Map's error = %v; want one that wraps both %q and %q", err, errTwo, errFour)
	}
	if want := []int{10, 0, 30, 0}; !slices.Equal(out, want) {
		t.Errorf("Map = %v, want %v", out, want)
	}
}

// startMap and startApply are Map and apply as the exercise hands them to
// you; go vet runs on them below.
func startMap(in []int, f func(int) (int, error)) ([]int, error) {
	out := make([]int, len(in))
	var wg sync.WaitGroup
	for i, v := range in {
		go startApply(&wg, f, v, &out[i])
	}
	wg.Wait()
	return out, nil
}

func startApply(wg *sync.WaitGroup, f func(int) (int, error), v int, dst *int) {
	wg.Add(1)
	defer wg.Done()
	r, err := f(v)
	if err != nil {
		return
	}
	*dst = r
}

var _ = startMap // vetted, never called

var waitgroup = regexp.MustCompile(`check_test\.go:\d+:\d+: WaitGroup\.Add called from inside new goroutine`)

// TestPrediction runs go vet on this package, startMap included, and
// checks your answer against whether vet flags startApply's Add.
func TestPrediction(t *testing.T) {
	out, _ := lessontest.Run(t, "go", "vet", "-tags", "exercise", ".")
	flagged := "no"
	if waitgroup.MatchString(out) {
		flagged = "yes"
	}
	lessontest.ExpectAnswers(t, prediction, flagged)
}
