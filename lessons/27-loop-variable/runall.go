//go:build !broken

// Package loopvar is lesson 27: a goroutine that captures the loop
// variable. Before Go 1.22 a loop had one variable for all its iterations,
// so every goroutine saw whatever the loop had left in it; go vet's
// loopclosure check flags the capture. Since Go 1.22 each iteration has its
// own variable, and the same code is right.
package loopvar

import "sync"

// RunAll calls run once for each name, each call in its own goroutine, and
// lets all of them start together once the last is launched.
func RunAll(names []string, run func(name string)) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for _, name := range names {
		wg.Go(func() {
			<-start
			run(name) // this iteration's own name (Go 1.22 and later)
		})
	}
	close(start)
	wg.Wait()
}
