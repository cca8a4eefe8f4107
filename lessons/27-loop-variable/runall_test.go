package loopvar

import (
	"slices"
	"sync"
	"testing"
)

// TestRunAll runs three names: run must get each name once. The goroutines
// read the loop variable only after the loop has ended (they wait for
// start), so with one variable for the whole loop every run gets the last
// name, on every run of the test.
func TestRunAll(t *testing.T) {
	var (
		mu  sync.Mutex
		got []string
	)
	RunAll([]string{"a", "b", "c"}, func(name string) {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, name)
	})
	slices.Sort(got)
	if want := []string{"a", "b", "c"}; !slices.Equal(got, want) {
		t.Errorf("run got the names %q, want %q", got, want)
	}
}
