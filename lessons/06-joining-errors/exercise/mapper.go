// Package exercise is lesson 06's exercise: join Map's goroutines and
// return their errors. Its check:
//
//	go test -tags exercise -race ./lessons/06-joining-errors/exercise/
package exercise

import "sync"

// Map calls f on every input, each call in its own goroutine, and returns
// the results in the order of the inputs. It should wait for every call,
// and return every error joined (errors.Join), nil if none failed; a
// failed call's result stays 0.
func Map(in []int, f func(int) (int, error)) ([]int, error) {
	out := make([]int, len(in))
	var wg sync.WaitGroup
	for i, v := range in {
		go apply(&wg, f, v, &out[i])
	}
	wg.Wait()
	return out, nil
}

// apply stores f(v) in *dst, as one of Map's goroutines.
func apply(wg *sync.WaitGroup, f func(int) (int, error), v int, dst *int) {
	wg.Add(1)
	defer wg.Done()
	r, err := f(v)
	if err != nil {
		return
	}
	*dst = r
}
