package chancond

import (
	"errors"
	"slices"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/pckit/pckit/queue"
)

// TestMergeUneven merges two sources where one is exhausted while the other
// still has items, in a synctest bubble so the order is fixed: source a is
// closed, synctest.Wait lets its producer finish, and only then does source
// b send 1 and 2. The consumer must receive 1 and 2, then queue.ErrClosed.
func TestMergeUneven(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := t.Context()
		q := NewChanQueue[int](64)
		a, b := make(chan int), make(chan int)
		var wg sync.WaitGroup
		wg.Go(func() {
			if err := Merge(ctx, q, a, b); err != nil {
				t.Error(err)
			}
		})

		close(a)        // source a is exhausted...
		synctest.Wait() // ...and its producer has done all it will do
		b <- 1          // source b still has items
		b <- 2
		close(b)

		var got []int
		for {
			v, err := q.Pop(ctx)
			if errors.Is(err, queue.ErrClosed) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, v)
		}
		wg.Wait()
		if !slices.Equal(got, []int{1, 2}) {
			t.Errorf("consumed %v, want [1 2]", got)
		}
	})
}
