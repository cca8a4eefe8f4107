package waitforever

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"testing/synctest"
)

var errNotFound = errors.New("not found")

// TestFetchAllWithAnError fetches three ids, one of which fails, inside a
// synctest bubble. FetchAll must return the two results and the error. If
// it never returns, every goroutine of the bubble is durably blocked (a
// WaitGroup made in the bubble is durable) and synctest panics with a
// deadlock, listing the bubble's goroutines.
func TestFetchAllWithAnError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		got, err := FetchAll([]int{1, 2, 3}, func(id int) (string, error) {
			if id == 2 {
				return "", fmt.Errorf("id %d: %w", id, errNotFound)
			}
			return fmt.Sprint("item ", id), nil
		})
		if !errors.Is(err, errNotFound) {
			t.Errorf("err = %v, want one that wraps %v", err, errNotFound)
		}
		if want := []string{"item 1", "", "item 3"}; !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}
