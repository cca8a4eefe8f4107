//go:build exercise

package exercise

import (
	_ "embed"
	"regexp"
	"slices"
	"testing"
	"testing/synctest"

	"github.com/pckit/pckit/lessons/internal/lessontest"
)

//go:embed prediction.txt
var prediction string

// TestPrediction runs the lesson's broken build and compares its panic
// message with prediction.txt.
func TestPrediction(t *testing.T) {
	out, _ := lessontest.Run(t, "go", "test", "-tags", "broken", "-run", "^TestMergeUneven$", "..")
	m := regexp.MustCompile(`panic: ([^\[\n]+?)\s*(\[|\n)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the broken build did not panic:\n%s", out)
	}
	lessontest.ExpectAnswers(t, prediction, m[1])
}

// TestFanInUneven: source a is exhausted while b still has items. The
// consumer must get b's items, then a closed channel, and no goroutine of
// FanIn may be left (synctest fails the test if one is).
func TestFanInUneven(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a, b := make(chan int), make(chan int)
		out := FanIn(t.Context(), a, b)
		close(a)        // source a is exhausted...
		synctest.Wait() // ...and its sender has done all it will do
		done := make(chan []int)
		go func() {
			var got []int
			for v := range out {
				got = append(got, v)
			}
			done <- got
		}()
		b <- 1
		b <- 2
		close(b)
		if got := <-done; !slices.Equal(got, []int{1, 2}) {
			t.Errorf("received %v, want [1 2]", got)
		}
	})
}

// TestFanInMany: three sources of 100 items each; every item arrives once.
func TestFanInMany(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var sources []<-chan int
		for s := range 3 {
			src := make(chan int)
			sources = append(sources, src)
			go func() {
				defer close(src)
				for i := range 100 {
					src <- s*100 + i
				}
			}()
		}
		seen := map[int]bool{}
		for v := range FanIn(t.Context(), sources...) {
			if seen[v] {
				t.Fatalf("item %d arrived twice", v)
			}
			seen[v] = true
		}
		if len(seen) != 300 {
			t.Errorf("received %d items, want 300", len(seen))
		}
	})
}
