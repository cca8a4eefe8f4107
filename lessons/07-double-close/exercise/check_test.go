//go:build exercise

package exercise

import (
	_ "embed"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var errA, errB = errors.New("a failed"), errors.New("b failed")

// stop calls stop(reason) and returns the value of its panic, nil if none.
func stop(f func(error), reason error) (panicked any) {
	defer func() { panicked = recover() }()
	f(reason)
	return nil
}

// TestStopTwice: a second Stop changes nothing: no panic, the first
// reason stays.
func TestStopTwice(t *testing.T) {
	s := New()
	if err := s.Err(); !errors.Is(err, ErrRunning) {
		t.Fatalf("Err before Stop = %v, want ErrRunning", err)
	}
	if p := stop(s.Stop, errA); p != nil {
		t.Fatalf("the first Stop panicked: %v", p)
	}
	if p := stop(s.Stop, errB); p != nil {
		t.Fatalf("the second Stop panicked: %v", p)
	}
	if err := s.Err(); !errors.Is(err, errA) {
		t.Errorf("Err = %v after Stop(errA), Stop(errB); want the first reason, %v", err, errA)
	}
}

// TestConcurrentStops: three watchers wait on Done while two goroutines
// call Stop at once; every watcher wakes, and the reason is one of the two.
func TestConcurrentStops(t *testing.T) {
	s := New()
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { <-s.Done() })
	}
	panics := make(chan any, 2)
	for _, reason := range []error{errA, errB} {
		wg.Go(func() { panics <- stop(s.Stop, reason) })
	}
	wg.Wait()
	close(panics)
	for p := range panics {
		if p != nil {
			t.Errorf("a Stop panicked: %v", p)
		}
	}
	if err := s.Err(); err != errA && err != errB {
		t.Errorf("Err = %v, want %v or %v", err, errA, errB)
	}
}

// startStop is Stop as the exercise hands it to you.
func (s *Shutdown) startStop(reason error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reason = reason
	close(s.done)
}

// TestPrediction calls startStop twice and checks your answer against
// what the second call did.
func TestPrediction(t *testing.T) {
	s := New()
	stop(s.startStop, errA)
	did := "nothing"
	if p := stop(s.startStop, errB); p != nil {
		did = fmt.Sprint(p)
	}
	lessontest.ExpectAnswers(t, prediction, did)
}
