//go:build broken && go1.21

// The "go1.21" in the build line above makes this file Go 1.21 code, though
// the module says go 1.25: a file's build constraint may lower its language
// version. In Go 1.21 a loop has one variable for all its iterations.

package loopvar

import "sync"

// RunAll calls run once for each name, each call in its own goroutine, and
// lets all of them start together once the last is launched.
//
// BROKEN (as Go 1.21 code): every goroutine reads the loop's one variable
// name, after the loop has moved on: each sees the last name.
func RunAll(names []string, run func(name string)) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for _, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			run(name)
		}()
	}
	close(start)
	wg.Wait()
}
