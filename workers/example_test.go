package workers_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/workers"
)

// A producer that makes five squares and says it is done; a consumer that
// adds them up. Once every producer is done the group shuts down by itself:
// the queue is closed, the consumer drains it, and the report balances.
func Example() {
	q, _ := queue.New[int](2)
	producers := []workers.Producer[int]{{
		ID: 1,
		Make: func(_ context.Context, seq int) (int, error) {
			if seq > 5 {
				return 0, workers.ErrDone
			}
			return seq * seq, nil
		},
	}}
	sum := 0 // only the one consumer touches it; Wait joins it before returning
	consumers := []workers.Consumer[int]{{
		ID:     1,
		Handle: func(_ context.Context, v int) error { sum += v; return nil },
	}}

	g, err := workers.Start(context.Background(), q, producers, consumers, workers.Options[int]{})
	if err != nil {
		panic(err)
	}
	rep, err := g.Wait(context.Background())
	fmt.Println("sum:", sum, "error:", err)
	fmt.Println(rep.Accounting)
	fmt.Println("balances:", rep.Accounting.Check() == nil)
	// Output:
	// sum: 55 error: <nil>
	// produced 5 = consumed 5 + failed 0 + left 0
	// balances: true
}

// The guide's demo in miniature: producers and consumers with delays, run
// until a context ends, then shut down gracefully. Events report each item.
func ExampleGroup() {
	q, _ := queue.New[string](5)
	producers := []workers.Producer[string]{{
		ID:    1,
		Delay: 10 * time.Millisecond,
		Make: func(_ context.Context, seq int) (string, error) {
			if seq > 3 {
				return "", workers.ErrDone
			}
			return fmt.Sprintf("item-%d", seq), nil
		},
	}}
	consumers := []workers.Consumer[string]{{ID: 1, Delay: 5 * time.Millisecond}}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// ctx ending would stop the group.
	g, err := workers.Start(ctx, q, producers, consumers, workers.Options[string]{
		OnEvent: func(e workers.Event[string]) {
			if e.Kind == workers.Consumed { // one consumer: these come in order
				fmt.Printf("consumer %d consumed %s\n", e.WorkerID, e.Item)
			}
		},
	})
	if err != nil {
		panic(err)
	}
	rep, err := g.Wait(context.Background())
	fmt.Println(rep.Accounting, err)
	// Output:
	// consumer 1 consumed item-1
	// consumer 1 consumed item-2
	// consumer 1 consumed item-3
	// produced 3 = consumed 3 + failed 0 + left 0 <nil>
}

// With CollectAll every error comes back, joined; each is an *Error naming
// its worker and item. A panic is one of them, with its value.
func Example_collectAll() {
	q, _ := queue.New[int](4)
	producers := []workers.Producer[int]{{
		ID: 1,
		Make: func(_ context.Context, seq int) (int, error) {
			if seq > 4 {
				return 0, workers.ErrDone
			}
			return seq, nil
		},
	}}
	consumers := []workers.Consumer[int]{{
		ID: 2,
		Handle: func(_ context.Context, v int) error {
			switch v {
			case 2:
				return errors.New("cannot handle 2")
			case 4:
				panic("four")
			}
			return nil
		},
	}}
	g, err := workers.Start(context.Background(), q, producers, consumers,
		workers.Options[int]{CollectAll: true})
	if err != nil {
		panic(err)
	}
	rep, err := g.Wait(context.Background())
	fmt.Println(err)
	for _, err := range err.(interface{ Unwrap() []error }).Unwrap() {
		if we := (*workers.Error)(nil); errors.As(err, &we) && we.Panic != nil {
			fmt.Println("panic in", we.Role, we.WorkerID, "on item", we.Item, "with", we.Panic)
		}
	}
	fmt.Println(rep.Accounting)
	// Output:
	// workers: consumer 2, item 2: cannot handle 2
	// workers: consumer 2 panicked handling item 4: four
	// panic in consumer 2 on item 4 with four
	// produced 4 = consumed 2 + failed 2 + left 0
}

// By default the first error aborts the group: nothing more is popped, and
// what is still queued is left, and counted.
func Example_failFast() {
	q, _ := queue.New[int](10)
	for v := range 5 {
		_ = q.Push(context.Background(), v)
	}
	consumers := []workers.Consumer[int]{{
		ID: 1,
		Handle: func(_ context.Context, v int) error {
			if v == 1 {
				return errors.New("bad item")
			}
			return nil
		},
	}}
	g, err := workers.Start(context.Background(), q, nil, consumers, workers.Options[int]{})
	if err != nil {
		panic(err)
	}
	rep, err := g.Wait(context.Background())
	fmt.Println(err)
	fmt.Println(rep.Accounting)
	// Output:
	// workers: consumer 1, item 1: bad item
	// initial 5 + produced 0 = consumed 1 + failed 1 + left 3
}
