// Command wrongtype is the broken producer's mistake against pckit's
// generic queue: it must not compile. Lesson 13's TestBrokenIsCaught builds
// it and asserts the compiler's error.
package main

import (
	"context"
	"strings"

	"github.com/pckit/pckit/queue"
)

func main() {
	q, err := queue.New[int](4)
	if err != nil {
		panic(err)
	}
	fields := strings.Fields("resize 3")
	_ = q.Push(context.Background(), fields[1]) // a string, not an int
}
