package receivercloses

import "testing"

// TestCollect takes the first 2 of the 6 items two sources send. Collect
// must return 2 items and leave no sender behind. A send on a closed
// channel panics in the sender's goroutine and ends the test binary, with
// that goroutine's stack.
func TestCollect(t *testing.T) {
	got := Collect([][]int{{1, 2, 3}, {4, 5, 6}}, 2)
	if len(got) != 2 {
		t.Fatalf("Collect = %v, want 2 items", got)
	}
	for _, v := range got {
		if v < 1 || v > 6 {
			t.Errorf("Collect = %v, want items the sources sent", got)
		}
	}
}
