package lostcancel

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestFirstAnswer asks two mirrors; the first fails, the second answers.
// Every context FirstAnswer gave a mirror must be done once it returns:
// nobody will use them again, and a live one holds its timer until the
// deadline (an hour here). The test needs no clock: it looks at ctx.Err()
// right after FirstAnswer returns.
func TestFirstAnswer(t *testing.T) {
	var given []context.Context
	mirror := func(answer string) func(context.Context) (string, error) {
		return func(ctx context.Context) (string, error) {
			given = append(given, ctx)
			if answer == "" {
				return "", errors.New("mirror down")
			}
			return answer, nil
		}
	}
	v, err := FirstAnswer(context.Background(), []func(context.Context) (string, error){mirror(""), mirror("v1.2")}, time.Hour)
	if v != "v1.2" || err != nil {
		t.Fatalf("FirstAnswer = %q, %v; want \"v1.2\", nil", v, err)
	}
	live := 0
	for _, ctx := range given {
		if ctx.Err() == nil {
			live++
		}
	}
	if live > 0 {
		t.Errorf("%d of the %d contexts FirstAnswer made are still live after it returned: their cancel was never called", live, len(given))
	}
}
