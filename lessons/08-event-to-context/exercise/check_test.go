//go:build exercise

package exercise

import (
	"context"
	_ "embed"
	"errors"
	"slices"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/queue"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// drained is what one run of Drain returned, and when.
type drained struct {
	items []int
	took  time.Duration
}

// run calls Drain in a synctest bubble (fake time) while a producer pushes
// 1, 2, 3 at 10, 20 and 30 ms, and cancels Drain's context at cancelAt if
// it is not zero. It fails the test if Drain has not returned once the
// deadline it was given has passed.
func run(t *testing.T, runTime, cancelAt time.Duration) drained {
	var d drained
	synctest.Test(t, func(t *testing.T) {
		q, err := queue.New[int](8)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		if cancelAt > 0 {
			time.AfterFunc(cancelAt, cancel)
		}
		var producer sync.WaitGroup
		defer producer.Wait()
		producer.Go(func() {
			for i := 1; i <= 3; i++ {
				time.Sleep(10 * time.Millisecond)
				if err := q.TryPush(i); err != nil && !errors.Is(err, queue.ErrClosed) {
					t.Error(err)
				}
			}
		})
		done := make(chan drained, 1)
		start := time.Now()
		go func() {
			items := Drain(ctx, q, runTime)
			done <- drained{items, time.Since(start)}
		}()
		end := runTime
		if cancelAt > 0 {
			end = min(end, cancelAt)
		}
		time.Sleep(end)
		synctest.Wait()
		select {
		case d = <-done:
		default:
			q.Close() // let the stuck Pop return, so that the bubble can end
			<-done
			t.Errorf("Drain is still blocked in Pop at %d ms, when it should have stopped: nothing wakes a waiting Pop when it is time to stop", end.Milliseconds())
		}
	})
	return d
}

// TestCheck runs Drain twice, under the race detector: for 35 ms, when it
// must return the three items at exactly 35 ms; and for 1 s with its
// context cancelled at 25 ms, which is the prediction.
func TestCheck(t *testing.T) {
	d := run(t, 35*time.Millisecond, 0)
	if t.Failed() {
		return
	}
	if !slices.Equal(d.items, []int{1, 2, 3}) || d.took != 35*time.Millisecond {
		t.Fatalf("Drain for 35 ms returned %v after %d ms; want [1 2 3] after 35 ms", d.items, d.took.Milliseconds())
	}
	d = run(t, time.Second, 25*time.Millisecond)
	if t.Failed() {
		return
	}
	t.Logf("cancelled at 25 ms, Drain returned %v after %d ms", d.items, d.took.Milliseconds())
	lessontest.ExpectAnswers(t, prediction, strconv.FormatInt(d.took.Milliseconds(), 10), strconv.Itoa(len(d.items)))
}
