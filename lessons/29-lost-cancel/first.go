//go:build !broken

// Package lostcancel is lesson 29: a context whose cancel function is never
// called on some path. The context and its timer live on until the
// deadline, still registered with their parent; go vet's lostcancel check
// flags the path. The fix: call cancel on every path, with defer where the
// context's life is the function's.
package lostcancel

import (
	"context"
	"errors"
	"time"
)

// ErrNoAnswer is FirstAnswer's error when no mirror answered.
var ErrNoAnswer = errors.New("no mirror answered")

// FirstAnswer asks the mirrors in turn, each with its own timeout, and
// returns the first answer; ErrNoAnswer if none answers.
func FirstAnswer(ctx context.Context, mirrors []func(context.Context) (string, error), timeout time.Duration) (string, error) {
	for _, ask := range mirrors {
		if v, err := askOne(ctx, ask, timeout); err == nil {
			return v, nil
		}
	}
	return "", ErrNoAnswer
}

// askOne asks one mirror with its own timeout. The deferred cancel ends
// the mirror's context on every return.
func askOne(ctx context.Context, ask func(context.Context) (string, error), timeout time.Duration) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return ask(ctx)
}
