// Command asleep pops from a queue that no one will ever push to, in a
// goroutine that main waits for: every goroutine of the process ends up
// blocked, and Go's runtime stops it with "fatal error: all goroutines are
// asleep - deadlock!". Lesson 11's test runs it.
package main

import (
	"fmt"
	"sync"

	onecond "github.com/pckit/pckit/lessons/11-condvar-deadlock"
)

func main() {
	q := onecond.NewQueue(1)
	var wg sync.WaitGroup
	wg.Go(func() { fmt.Println(q.Pop()) }) // waits for an item for ever
	wg.Wait()
}
