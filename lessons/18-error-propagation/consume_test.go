package errprop

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/workers"
)

var errBad = errors.New("bad item")

// filled returns a closed queue holding 1, 2, 3, 4, 5.
func filled(t *testing.T) *queue.Queue[int] {
	t.Helper()
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
	return q
}

// TestErrorReachesCaller: two consumers, collecting all, handle items 1
// to 5, and handle fails items 2 and 4. Consume must return both errors,
// each a *workers.Error naming the consumer and the item.
func TestErrorReachesCaller(t *testing.T) {
	q := filled(t)
	err := Consume(t.Context(), q, 2, true, func(_ context.Context, v int) error {
		if v%2 == 0 {
			return fmt.Errorf("cannot handle %d: %w", v, errBad)
		}
		return nil
	})
	if err == nil {
		t.Fatal("Consume returned nil: the errors of items 2 and 4 were lost")
	}
	if !errors.Is(err, errBad) {
		t.Errorf("Consume = %v; want an error wrapping errBad", err)
	}
	items := map[any]bool{}
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var we *workers.Error
		if !errors.As(e, &we) || (we.WorkerID != 1 && we.WorkerID != 2) {
			t.Errorf("error %v does not name consumer 1 or 2", e)
			continue
		}
		items[we.Item] = true
	}
	if len(items) != 2 || !items[2] || !items[4] {
		t.Errorf("errors name items %v, want 2 and 4", items)
	}
	t.Log(err)
}

// TestPanicReachesCaller: handle panics on item 4. Consume must return a
// *workers.Error with the consumer, the item, the panic's value, and
// the stack of the panicking goroutine, which names the handler.
func TestPanicReachesCaller(t *testing.T) {
	q := filled(t)
	err := Consume(t.Context(), q, 2, true, func(_ context.Context, v int) error {
		if v == 4 {
			panic("four")
		}
		return nil
	})
	var pe *workers.Error
	if !errors.As(err, &pe) {
		t.Fatalf("Consume = %v; want a *workers.Error", err)
	}
	if pe.Item != 4 || pe.Panic != "four" || (pe.WorkerID != 1 && pe.WorkerID != 2) {
		t.Errorf("panic Error: worker %d, item %v, value %v; want worker 1 or 2, item 4, value four", pe.WorkerID, pe.Item, pe.Panic)
	}
	if !strings.Contains(string(pe.Stack), "TestPanicReachesCaller.func1") {
		t.Errorf("the panic's stack does not name the handler:\n%s", pe.Stack)
	}
	t.Log(err)
}

// TestFailFast: one consumer, failing fast, handle fails item 2. Consume
// must return that error, and pop no more items: 3, 4 and 5 stay queued.
func TestFailFast(t *testing.T) {
	q := filled(t)
	var handled []int
	err := Consume(t.Context(), q, 1, false, func(_ context.Context, v int) error {
		handled = append(handled, v)
		if v == 2 {
			return errBad
		}
		return nil
	})
	var we *workers.Error
	if !errors.As(err, &we) || we.WorkerID != 1 || we.Item != 2 || !errors.Is(err, errBad) {
		t.Errorf("Consume = %v; want consumer 1's error on item 2", err)
	}
	if len(handled) != 2 || q.Len() != 3 {
		t.Errorf("handled %v, %d left queued; want [1 2] handled and 3 left", handled, q.Len())
	}
	t.Log(err)
}
