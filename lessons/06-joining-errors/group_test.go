package joining

import (
	"errors"
	"testing"
)

var (
	errA = errors.New("task a failed")
	errB = errors.New("task b failed")
)

// TestGroupErrors runs three tasks, two of which fail: Wait must return
// both errors.
//
// The test waits until every task has started before it calls Wait. That
// keeps the broken Group's late Add from racing with Wait in this test, so
// every run is the same and only the dropped errors fail it; go vet flags
// the late Add (see lesson_test.go).
func TestGroupErrors(t *testing.T) {
	var g Group
	started := make(chan struct{}, 3)
	for _, err := range []error{errA, nil, errB} {
		g.Go(func() error {
			started <- struct{}{}
			return err
		})
	}
	for range 3 {
		<-started
	}
	err := g.Wait()
	if !errors.Is(err, errA) || !errors.Is(err, errB) {
		t.Fatalf("Wait() = %v; want an error that wraps both %q and %q", err, errA, errB)
	}
}
