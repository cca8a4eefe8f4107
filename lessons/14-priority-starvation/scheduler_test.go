package starvation

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestNoStarvation submits one task of priority MaxPrio, then, 1000 times,
// submits a task of priority 0 and takes the next task: an urgent task is
// always waiting. With aging the low-priority task is served on take
// MaxPrio*Aging, after MaxPrio*Aging-1 urgent tasks submitted after it; with
// strict priority it is never served.
func TestNoStarvation(t *testing.T) {
	const rounds = 1000
	s, err := NewScheduler(4)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	if err := s.Submit(ctx, Task{Name: "report", Prio: MaxPrio}); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= rounds; i++ {
		if err := s.Submit(ctx, Task{Name: "urgent", Prio: 0}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Next(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name == "report" {
			// Its key is 9*Aging+1 (arrival 1); the urgent task of take i
			// has key i+1 (arrival i+1). They tie at take 9*Aging, and the
			// queue serves the earlier arrival first.
			if want := MaxPrio * Aging; i != want {
				t.Fatalf("the priority-%d task was served on take %d, want take %d", MaxPrio, i, want)
			}
			return
		}
	}
	t.Fatalf("starvation: the priority-%d task was not served in %d takes, while a priority-0 task was always queued", MaxPrio, rounds)
}

// TestOvertakeBound runs a fixed pseudo-random script of 20000 submits and
// takes, with random priorities, through one scheduler, and checks the bound
// aging gives: a task of priority p is served after at most p*Aging of the
// tasks submitted after it.
func TestOvertakeBound(t *testing.T) {
	s, err := NewScheduler(64)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	rng := rand.New(rand.NewPCG(14, 14))
	queued := 0
	var submitted, served []Task // in order; submitted[i].Name is i's index
	take := func() {
		got, err := s.Next(ctx)
		if err != nil {
			t.Fatal(err)
		}
		queued--
		served = append(served, got)
	}
	for range 20000 {
		if queued == 64 || (queued > 0 && rng.IntN(2) == 0) {
			take()
			continue
		}
		task := Task{Name: strconv.Itoa(len(submitted)), Prio: rng.IntN(MaxPrio + 1)}
		if err := s.Submit(ctx, task); err != nil {
			t.Fatal(err)
		}
		submitted = append(submitted, task)
		queued++
	}
	for queued > 0 {
		take()
	}
	// position[i] is when task i (in submit order) was served.
	position := make([]int, len(submitted))
	for pos, task := range served {
		i, err := strconv.Atoi(task.Name)
		if err != nil {
			t.Fatal(err)
		}
		position[i] = pos
	}
	worst := 0
	for i, task := range submitted {
		overtakers := 0
		for j := i + 1; j < len(submitted); j++ {
			if position[j] < position[i] {
				overtakers++
			}
		}
		if overtakers > task.Prio*Aging {
			t.Fatalf("task %d of priority %d was overtaken by %d later tasks, want at most %d", i, task.Prio, overtakers, task.Prio*Aging)
		}
		worst = max(worst, overtakers)
	}
	t.Logf("%d tasks; the most overtaken was passed by %d later tasks", len(submitted), worst)
}
