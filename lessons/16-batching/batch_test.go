package batching

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/spec"
)

// hooked is a queue that runs after() once each of its pops has returned:
// a scripted interleaving point, where another consumer gets its turn.
type hooked struct {
	*queue.Queue[int]
	after func()
}

func (h hooked) Pop(ctx context.Context) (int, error) {
	v, err := h.Queue.Pop(ctx)
	h.after()
	return v, err
}

func (h hooked) TryPop() (int, error) {
	v, err := h.Queue.TryPop()
	h.after()
	return v, err
}

func (h hooked) PopBatch(ctx context.Context, dst []int) (int, error) {
	n, err := h.Queue.PopBatch(ctx, dst)
	h.after()
	return n, err
}

// batchQueue is the queue as the recorder sees it: pckit's queue, with
// PopBatch replaced by this lesson's, popping through src.
type batchQueue struct {
	*queue.Queue[int]
	src Source
}

func (b batchQueue) PopBatch(ctx context.Context, dst []int) (int, error) {
	return PopBatch(ctx, b.src, dst)
}

// TestBatchIsOneStep scripts two consumers in one goroutine, recording
// every call with spec's recorder. Client 0 pushes 1..6, then takes a batch
// of 4 with PopBatch; right after PopBatch's first pop of the queue, client
// 1 takes one item with TryPop. Porcupine then checks the history against
// the sequential specification, in which a batch is one step. The broken
// PopBatch returns [1 3 4 5] while client 1 gets 2: no order of the calls
// explains that, and porcupine says Illegal.
func TestBatchIsOneStep(t *testing.T) {
	q, err := queue.New[int](8)
	if err != nil {
		t.Fatal(err)
	}
	var r *spec.Recorder
	var once sync.Once
	var single int // client 1's item
	other := func() {
		once.Do(func() {
			var err error
			if single, err = r.Client(1).TryPop(); err != nil {
				t.Errorf("client 1 TryPop: %v", err)
			}
		})
	}
	r = spec.NewRecorder(batchQueue{q, hooked{q, other}})
	a := r.Client(0)
	if n, err := a.PushBatch(t.Context(), []int{1, 2, 3, 4, 5, 6}); n != 6 || err != nil {
		t.Fatalf("PushBatch = %d, %v; want 6, nil", n, err)
	}
	dst := make([]int, 4)
	if _, err := a.PopBatch(t.Context(), dst); err != nil {
		t.Fatal(err)
	}

	history := r.History()
	res := spec.Check(spec.FIFO(8), history, 10*time.Second)
	if res.Verdict != porcupine.Ok {
		t.Fatalf("spec.Check: %s\nthe whole history:%s", res, lessontest.History(history))
	}
	if want := []int{1, 2, 3, 4}; !slices.Equal(dst, want) || single != 5 {
		t.Fatalf("batch %v and client 1's item %d; want %v and 5", dst, single, want)
	}
}

// TestConcurrentBatches runs one producer, pushing 0..N-1 in batches of up
// to 64, and two consumers taking batches of up to 16 at the same time.
// Every batch must be a run of consecutive items, and every item must be
// taken exactly once.
func TestConcurrentBatches(t *testing.T) {
	const n = 20000
	q, err := queue.New[int](128)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	var wg sync.WaitGroup
	wg.Go(func() {
		defer q.Close()
		items := make([]int, n)
		for i := range items {
			items[i] = i
		}
		for len(items) > 0 {
			k, err := q.PushBatch(ctx, items[:min(64, len(items))])
			if err != nil {
				t.Error(err)
				return
			}
			items = items[k:]
		}
	})
	seen := make([][]int, 2)
	for c := range seen {
		wg.Go(func() {
			dst := make([]int, 16)
			reported := false
			for {
				k, err := PopBatch(ctx, q, dst)
				if errors.Is(err, queue.ErrClosed) {
					return
				}
				if err != nil {
					t.Error(err) // only ctx: the test is over
					return
				}
				seen[c] = append(seen[c], dst[:k]...)
				for i := 1; i < k && !reported; i++ {
					if dst[i] != dst[i-1]+1 {
						// Report once, and keep consuming so that the
						// producer is never left blocked.
						t.Errorf("consumer %d took the batch %v: not consecutive", c, dst[:k])
						reported = true
					}
				}
			}
		})
	}
	wg.Wait()
	count := make([]int, n)
	for _, items := range seen {
		for _, v := range items {
			count[v]++
		}
	}
	for v, k := range count {
		if k != 1 {
			t.Fatalf("item %d taken %d times, want once", v, k)
		}
	}
}
