// Package exercise is lesson 05's exercise: make First leave no goroutine
// behind. Its check:
//
//	go test -tags exercise -race ./lessons/05-leak-after-timeout/exercise/
package exercise

import (
	"context"
	"errors"
)

// ErrNoFuncs is returned by First when it is given no function.
var ErrNoFuncs = errors.New("first: no functions")

// First runs each function in its own goroutine and returns the first
// result to arrive, or 0 and ctx.Err() if ctx ends first. Every goroutine
// it starts should end as soon as its function returns, whether or not
// First is still waiting.
func First(ctx context.Context, fs ...func() int) (int, error) {
	if len(fs) == 0 {
		return 0, ErrNoFuncs
	}
	results := make(chan int)
	for _, f := range fs {
		go func() {
			results <- f()
		}()
	}
	select {
	case v := <-results:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
