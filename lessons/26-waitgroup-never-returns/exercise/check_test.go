//go:build exercise

package exercise

import (
	_ "embed"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestSaveAllWithAnEmptyItem saves three items, one of them empty. SaveAll
// must return ErrEmpty. If its goroutine parks in WaitGroup.Wait once every
// worker has returned, nothing can wake it: the check shows its stack.
func TestSaveAllWithAnEmptyItem(t *testing.T) {
	var err error
	call := func() { err = SaveAll([]string{"a", "", "c"}, func(string) error { return nil }) }
	if stack := lessontest.Stuck(call, "sync.WaitGroup.Wait", "SaveAll.func"); stack != "" {
		t.Fatalf("SaveAll never returns: every worker has returned, and its Wait still waits for a Done:\n\n%s", stack)
	}
	if !errors.Is(err, ErrEmpty) {
		t.Errorf("SaveAll = %v, want an error that wraps ErrEmpty", err)
	}
}

// TestPrediction runs the lesson's broken version and compares
// prediction.txt with synctest's report.
func TestPrediction(t *testing.T) {
	out := lessontest.GoTestBrokenIn(t, "..", "^TestFetchAllWithAnError$")
	header := regexp.MustCompile(`^goroutine N \[([^\],(]+?) ?[\],(]`)
	state, workers := "", 0
	for _, stanza := range strings.Split(out, "\n\n") {
		if m := header.FindStringSubmatch(stanza); m != nil && strings.Contains(stanza, ".FetchAll(") {
			state = m[1]
		}
		if strings.Contains(stanza, "FetchAll.func1") {
			workers++
		}
	}
	if state == "" {
		t.Fatalf("the lesson's broken run shows no goroutine parked in FetchAll:\n%s", out)
	}
	lessontest.ExpectAnswers(t, prediction, state, strconv.Itoa(workers))
}
