//go:build exercise

package exercise

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/queue"
)

//go:embed prediction.txt
var prediction string

// TestPrediction builds the lesson's broken test binary, runs its panic
// test, and compares the exit status with prediction.txt.
func TestPrediction(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "broken.test")
	if out, code := lessontest.Run(t, "go", "test", "-c", "-tags", "broken", "-o", bin, ".."); code != 0 {
		t.Fatalf("building the lesson's broken version failed:\n%s", out)
	}
	out, code := lessontest.Run(t, bin, "-test.run", "^TestPanicReachesCaller$")
	lessontest.ExpectAnswers(t, prediction, strconv.Itoa(code))
	t.Logf("the broken binary exited with status %d, after:\n%s", code, lessontest.Excerpt(out))
}

var errBad = errors.New("bad item")

// consume fills a queue with 1 to 5, closes it, and runs Consume with two
// consumers and handle.
func consume(t *testing.T, handle func(int) error) error {
	q, err := queue.New[int](5)
	if err != nil {
		t.Fatal(err)
	}
	for v := 1; v <= 5; v++ {
		if err := q.TryPush(v); err != nil {
			t.Fatal(err)
		}
	}
	q.Close()
	return Consume(context.Background(), q, 2, handle)
}

// failedItems checks that err joins one *ItemError per failure, each naming
// consumer 1 or 2, and returns the items they name.
func failedItems(t *testing.T, err error) map[int]error {
	t.Helper()
	items := map[int]error{}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("Consume = %v; want the failures joined with errors.Join", err)
	}
	for _, e := range joined.Unwrap() {
		var ie *ItemError
		if !errors.As(e, &ie) || (ie.Consumer != 1 && ie.Consumer != 2) {
			t.Errorf("%v is not an *ItemError naming consumer 1 or 2", e)
			continue
		}
		items[ie.Item] = ie.Err
	}
	return items
}

// TestErrorsReachCaller: handle fails items 2 and 4; both must come back.
func TestErrorsReachCaller(t *testing.T) {
	err := consume(t, func(v int) error {
		if v%2 == 0 {
			return fmt.Errorf("cannot handle %d: %w", v, errBad)
		}
		return nil
	})
	if err == nil {
		t.Fatal("Consume returned nil: the errors of items 2 and 4 were lost")
	}
	if !errors.Is(err, errBad) {
		t.Errorf("Consume = %v; errors.Is does not find the handler's error", err)
	}
	if items := failedItems(t, err); len(items) != 2 || items[2] == nil || items[4] == nil {
		t.Errorf("the errors name items %v, want 2 and 4", items)
	}
}

// TestPanicReachesCaller: handle panics on item 4; the process must live
// on, and the panic must come back as item 4's error.
func TestPanicReachesCaller(t *testing.T) {
	err := consume(t, func(v int) error {
		if v == 4 {
			panic("four")
		}
		return nil
	})
	items := failedItems(t, err)
	if e := items[4]; len(items) != 1 || e == nil || !strings.Contains(e.Error(), "panic: four") {
		t.Errorf("Consume = %v; want one *ItemError for item 4 whose error says \"panic: four\"", err)
	}
}
