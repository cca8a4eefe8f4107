//go:build !broken

// Package joining is lesson 06: starting goroutines, joining them, and
// getting their errors back. WaitGroup.Add inside the new goroutine (go vet
// flags it) and errors dropped on the floor, then a tiny group that does
// both right.
package joining

import (
	"errors"
	"sync"
)

// Group runs functions in goroutines and joins them. The zero Group is
// ready to use. Go may be called from several goroutines, but not after
// Wait has been called.
type Group struct {
	wg   sync.WaitGroup
	mu   sync.Mutex
	errs []error
}

// Go runs f in a new goroutine. Wait waits for it and returns its error.
func (g *Group) Go(f func() error) {
	g.wg.Go(func() { // counts the goroutine before it starts
		if err := f(); err != nil {
			g.mu.Lock()
			defer g.mu.Unlock()
			g.errs = append(g.errs, err)
		}
	})
}

// Wait waits until every function passed to Go has returned, and returns
// their errors joined with errors.Join, in the order they returned; nil if
// none failed.
func (g *Group) Wait() error {
	g.wg.Wait()
	g.mu.Lock()
	defer g.mu.Unlock()
	return errors.Join(g.errs...)
}
