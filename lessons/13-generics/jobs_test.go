package generics

import (
	"sync"
	"testing"
)

// TestPipeline runs one producer and one consumer over a Sizes queue of
// capacity 2: the consumer's total must be the sum of the job sizes. The
// broken producer pushes each size as a string, and the consumer's
// v.(int) panics.
func TestPipeline(t *testing.T) {
	q, err := NewSizes(2)
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{"resize 3", "encode 5", "upload 7", "notify 11"}
	var wg sync.WaitGroup
	var perr error
	wg.Go(func() {
		defer q.Close()
		perr = Produce(t.Context(), q, lines)
	})
	total, cerr := Consume(t.Context(), q)
	wg.Wait()
	if perr != nil || cerr != nil {
		t.Fatalf("Produce: %v; Consume: %v", perr, cerr)
	}
	if total != 26 {
		t.Fatalf("total = %d, want 26", total)
	}
}
