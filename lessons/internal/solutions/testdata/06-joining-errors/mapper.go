// Package exercise is lesson 06's exercise: join Map's goroutines and
// return their errors. Its check:
//
//	go test -tags exercise -race ./lessons/06-joining-errors/exercise/
package exercise

import (
	"errors"
	"sync"
)

// Map calls f on every input, each call in its own goroutine, and returns
// the results in the order of the inputs. It waits for every call, and
// returns every error joined (errors.Join), nil if none failed; a failed
// call's result stays 0.
func Map(in []int, f func(int) (int, error)) ([]int, error) {
	out := make([]int, len(in))
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for i, v := range in {
		wg.Go(func() { // counts the goroutine before it starts
			r, err := f(v)
			if err != nil {
				mu.Lock()
				defer mu.Unlock()
				errs = append(errs, err)
				return
			}
			out[i] = r // each goroutine writes its own element
		})
	}
	wg.Wait()
	return out, errors.Join(errs...)
}
