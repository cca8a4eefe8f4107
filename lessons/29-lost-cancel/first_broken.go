//go:build broken

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
//
// BROKEN: when a mirror answers, FirstAnswer returns without calling that
// mirror's cancel. Its context stays live, with its timer (and, if ctx can
// be cancelled, its place among ctx's children), until the timeout fires.
func FirstAnswer(ctx context.Context, mirrors []func(context.Context) (string, error), timeout time.Duration) (string, error) {
	for _, ask := range mirrors {
		ctx, cancel := context.WithTimeout(ctx, timeout)
		v, err := ask(ctx)
		if err == nil {
			return v, nil
		}
		cancel()
	}
	return "", ErrNoAnswer
}
