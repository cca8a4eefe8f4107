//go:build broken

package joining

import "sync"

// Group runs functions in goroutines and joins them.
type Group struct {
	wg sync.WaitGroup
}

// Go runs f in a new goroutine.
//
// BROKEN: Add runs inside the new goroutine, so it can come after Wait has
// already seen a zero counter and returned. And f's error is dropped.
func (g *Group) Go(f func() error) {
	go func() {
		g.wg.Add(1)
		defer g.wg.Done()
		_ = f()
	}()
}

// Wait waits until every function passed to Go has returned.
//
// BROKEN: it always returns nil; the errors are gone.
func (g *Group) Wait() error {
	g.wg.Wait()
	return nil
}
