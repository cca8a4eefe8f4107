//go:build !broken

package waitforever

import (
	"errors"
	"sync"
)

// FetchAll calls fetch for each id, all at once, and returns the results in
// the order of ids, with every error joined.
func FetchAll(ids []int, fetch func(int) (string, error)) ([]string, error) {
	var wg sync.WaitGroup
	var errs errorList
	out := make([]string, len(ids))
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done() // runs on every return path, and on a panic
			v, err := fetch(id)
			if err != nil {
				errs.add(err)
				return
			}
			out[i] = v
		}()
	}
	wg.Wait()
	return out, errors.Join(errs.all()...)
}
