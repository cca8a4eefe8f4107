//go:build exercise

// Package exercise is lesson 29's exercise: Poll drops the cancel function
// of every context it makes. Its files build only with the tag exercise, so
// that `go vet ./...` does not flag the untouched code.
package exercise

import (
	"context"
	"time"
)

// Poll calls probe up to tries times, each call with its own timeout, and
// reports whether one of them returned true.
func Poll(ctx context.Context, probe func(context.Context) bool, tries int, timeout time.Duration) bool {
	for range tries {
		tctx, cancel := context.WithTimeout(ctx, timeout)
		ok := probe(tctx)
		cancel() // this probe is over: end its context now, on both paths
		if ok {
			return true
		}
	}
	return false
}
