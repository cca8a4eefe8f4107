// Package exercise is lesson 26's exercise: make SaveAll return on every
// path.
package exercise

import (
	"errors"
	"sync"
)

// ErrEmpty is the error for an empty item.
var ErrEmpty = errors.New("empty item")

// SaveAll calls save for each item, all at once, and returns every error
// joined: ErrEmpty for an empty item (save is not called for it), else
// save's error.
func SaveAll(items []string, save func(string) error) error {
	var wg sync.WaitGroup
	errs := make([]error, len(items))
	for i, item := range items {
		wg.Add(1)
		go func() {
			defer wg.Done() // on every path out of the worker
			if item == "" {
				errs[i] = ErrEmpty
				return
			}
			errs[i] = save(item)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}
