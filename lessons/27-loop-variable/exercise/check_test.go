//go:build exercise

package exercise

import (
	_ "embed"
	"regexp"
	"slices"
	"sync"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestTasks runs the three tasks at once: each name must be visited once.
func TestTasks(t *testing.T) {
	var (
		mu  sync.Mutex
		got []string
		wg  sync.WaitGroup
	)
	for _, task := range Tasks([]string{"a", "b", "c"}, func(name string) {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, name)
	}) {
		wg.Go(task)
	}
	wg.Wait()
	slices.Sort(got)
	if want := []string{"a", "b", "c"}; !slices.Equal(got, want) {
		t.Errorf("the tasks visited %q, want %q: every closure reads the loop's one variable, after the loop has ended", got, want)
	}
}

// TestPrediction runs go vet and the test on the lesson's broken RunAll and
// compares prediction.txt with what they report.
func TestPrediction(t *testing.T) {
	vet, _ := lessontest.Run(t, "go", "vet", "-tags", "broken", "..")
	captured := regexp.MustCompile(`loop variable (\w+) captured by func literal`).FindStringSubmatch(vet)
	out := lessontest.GoTestBrokenIn(t, "..", "^TestRunAll$")
	names := regexp.MustCompile(`run got the names \["(\w+)" "(\w+)" "(\w+)"\]`).FindStringSubmatch(out)
	if captured == nil || names == nil || names[1] != names[3] {
		t.Fatalf("the lesson's broken run did not report what this check expects:\n%s\n%s", vet, out)
	}
	lessontest.ExpectAnswers(t, prediction, captured[1], names[1])
}
