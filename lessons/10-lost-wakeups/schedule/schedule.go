// Package schedule holds lesson 10's three scripted schedules. Each runs a
// queue in a testing/synctest bubble, where a goroutine blocked in
// sync.Cond.Wait counts as durably blocked, so synctest.Wait returns once a
// wake-up has been delivered and every goroutine has returned or gone back
// to sleep. Each schedule loses a wake-up when the queue has one of the
// lesson's three defects, and only that one. The lesson's tests and its
// exercise's check both run them.
package schedule

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
)

// Queue is the queue under test: an unbounded FIFO queue of ints whose Pop
// waits on one condition variable while the queue is empty and open.
type Queue interface {
	Pop(ctx context.Context) (int, error)
	Push(v int)
	Close()
	Len() int
	// WakeAll Broadcasts on the condition Pop waits on. A schedule calls it
	// after a lost wake-up, so that the bubble can end.
	WakeAll()
}

// Lost describes a lost wake-up: which Pop is still blocked ("cancelled",
// the one whose context ended, or "patient", the one with
// context.Background()), and a report with the blocked goroutines' stacks.
// The zero Lost means nothing was lost.
type Lost struct {
	Blocked string
	Report  string
}

// Every waiter that Close or Push should wake runs with
// context.Background(): a deadline would wake it by itself and hide a lost
// wake-up.

type result struct {
	v   int
	err error
}

// patient pops with context.Background(); cancelled pops with a context
// that ends. They are named so that a stack says which Pop it is.
func patient(q Queue, out chan<- result) {
	v, err := q.Pop(context.Background())
	out <- result{v, err}
}

func cancelled(ctx context.Context, q Queue, out chan<- result) {
	v, err := q.Pop(ctx)
	out <- result{v, err}
}

// CloseWakesAll parks two patient Pops and closes the queue: both must
// return ErrClosed. A Close that Signals instead of Broadcasting wakes one.
// isClosed reports whether an error is the queue's ErrClosed.
func CloseWakesAll(t *testing.T, newQueue func() Queue, isClosed func(error) bool) (lost Lost) {
	synctest.Test(t, func(t *testing.T) {
		q := newQueue()
		out := make(chan result, 2)
		var wg sync.WaitGroup
		wg.Go(func() { patient(q, out) })
		wg.Go(func() { patient(q, out) })
		synctest.Wait() // both wait in Wait
		q.Close()
		synctest.Wait() // every goroutine has returned or is blocked again
		if n := len(out); n != 2 {
			lost = Lost{"patient", fmt.Sprintf("lost wake-up: after Close, %d of 2 waiting Pops returned; still blocked:\n%s", n, blocked("patient"))}
			q.WakeAll()
		}
		wg.Wait()
		for range 2 {
			if r := <-out; !isClosed(r.err) {
				t.Errorf("Pop after Close = %d, %v; want ErrClosed", r.v, r.err)
			}
		}
	})
	return lost
}

// CancelWakesItsWaiter parks a patient Pop, then a cancelled one, and
// cancels the second's context: it must return context.Canceled at once.
// A callback that Signals when the context ends wakes the longest waiter,
// the patient Pop, which finds nothing and sleeps again; the cancelled one
// sleeps on.
func CancelWakesItsWaiter(t *testing.T, newQueue func() Queue) (lost Lost) {
	synctest.Test(t, func(t *testing.T) {
		q := newQueue()
		p, c := make(chan result, 1), make(chan result, 1)
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		wg.Go(func() { patient(q, p) })
		synctest.Wait() // the patient Pop waits
		wg.Go(func() { cancelled(ctx, q, c) })
		synctest.Wait() // both wait
		cancel()
		synctest.Wait() // the cancellation has been delivered
		if len(c) == 0 {
			lost = Lost{"cancelled", "lost wake-up: the cancelled Pop's context ended, yet it is still blocked:\n" + blocked("cancelled")}
			q.WakeAll()
		}
		q.Close()
		wg.Wait()
		if r := <-c; lost.Blocked == "" && !errors.Is(r.err, context.Canceled) {
			t.Errorf("cancelled Pop = %d, %v; want context.Canceled", r.v, r.err)
		}
		<-p
	})
	return lost
}

// endsWhenAsked is a context that, once armed, ends at the moment Pop next
// asks it for Err: the test plays the scheduler, as lesson 09's does, and
// puts the context's end where the model's trace puts it, after the woken
// waiter has the lock back.
type endsWhenAsked struct {
	context.Context
	cancel context.CancelFunc
	armed  atomic.Bool
}

func (c *endsWhenAsked) Err() error {
	if c.armed.Load() {
		c.cancel()
	}
	return c.Context.Err()
}

// WokenWaiterTakesItem parks a Pop whose context ends when it next asks for
// Err, then a patient Pop, and pushes one item: Push's Signal wakes the
// first. It must take the item, its context's end notwithstanding: an
// operation that need not wait succeeds. A wait loop that checks its
// context before its predicate returns context.Canceled instead, and the
// item stays queued while the patient Pop sleeps. No context callback runs
// here (the woken Pop stops its callback before its context ends), so a
// callback that Broadcasts does not help.
func WokenWaiterTakesItem(t *testing.T, newQueue func() Queue) (lost Lost) {
	synctest.Test(t, func(t *testing.T) {
		q := newQueue()
		inner, cancel := context.WithCancel(context.Background())
		defer cancel()
		ctx := &endsWhenAsked{Context: inner, cancel: cancel}
		c, p := make(chan result, 1), make(chan result, 1)
		var wg sync.WaitGroup
		wg.Go(func() { cancelled(ctx, q, c) })
		synctest.Wait() // the first Pop waits
		wg.Go(func() { patient(q, p) })
		synctest.Wait() // both wait
		ctx.armed.Store(true)
		q.Push(1)       // its Signal wakes the longest waiter, the first Pop
		synctest.Wait() // every goroutine has returned or is blocked again
		if len(p) == 0 && q.Len() > 0 {
			lost = Lost{"patient", fmt.Sprintf("lost wake-up: %d item queued, yet the patient Pop is still blocked:\n%s", q.Len(), blocked("patient"))}
			q.WakeAll()
		}
		q.Close()
		wg.Wait()
		if rc := <-c; lost.Blocked == "" && (rc.err != nil || rc.v != 1) {
			t.Errorf("woken Pop = %d, %v; want 1, nil: it found the item", rc.v, rc.err)
		}
		<-p
	})
	return lost
}

// blocked returns the stacks of the goroutines blocked in Pop called from
// the function who (patient or cancelled), cut down to three frames:
// sync.Cond.Wait, the queue's wait that called it, and who.
func blocked(who string) string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		if !strings.Contains(g, ").Pop(") || !strings.Contains(g, "/schedule."+who+"(") {
			continue
		}
		lines := strings.Split(g, "\n")
		keep := lines[:1] // goroutine N [state]:
		for i := 1; i+1 < len(lines); i += 2 {
			if strings.HasPrefix(lines[i], "sync.(*Cond).Wait") || strings.Contains(lines[i], ").wait(") || strings.Contains(lines[i], "/schedule."+who+"(") {
				keep = append(keep, lines[i], lines[i+1])
			}
		}
		out = append(out, strings.Join(keep, "\n"))
	}
	return strings.Join(out, "\n\n")
}
