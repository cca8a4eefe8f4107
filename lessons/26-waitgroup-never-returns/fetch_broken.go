//go:build broken

package waitforever

import (
	"errors"
	"sync"
)

// FetchAll calls fetch for each id, all at once, and returns the results in
// the order of ids, with every error joined.
//
// BROKEN: a worker whose fetch fails returns before it calls wg.Done, so
// the counter never reaches zero and wg.Wait never returns.
func FetchAll(ids []int, fetch func(int) (string, error)) ([]string, error) {
	var wg sync.WaitGroup
	var errs errorList
	out := make([]string, len(ids))
	for i, id := range ids {
		wg.Add(1)
		go func() {
			v, err := fetch(id)
			if err != nil {
				errs.add(err)
				return // Done is skipped
			}
			out[i] = v
			wg.Done()
		}()
	}
	wg.Wait()
	return out, errors.Join(errs.all()...)
}
