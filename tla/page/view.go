package page

import "path/filepath"

// View says how to draw one spec's states: which variable is which part of
// the program. Pages know nothing else of a spec; a spec without a View
// gets no page.
type View struct {
	Title string
	// PC maps each goroutine to where it is; PCs says what each place
	// means in the Go code.
	PC  string
	PCs map[string]string
	// Roles: a goroutine in the constant set Set plays the role Name.
	Roles []Role
	// Mutexes: who holds each lock (a value that is no goroutine, such as
	// NoOne, means nobody).
	Mutexes []Mutex
	// Conds is the variable holding the notify lists: a record (or
	// function) from condition to the sequence of parked goroutines, oldest
	// first, or one sequence for a single condition named Cond.
	Conds, Cond string
	Queues      []Queue
	// Actions are the actions of Next, each with the set its parameter
	// ranges over ("" for none) and the Go code that takes it. Every step
	// of Next must be one of them: a page fails on a step none explains.
	Actions []Action
	// Vars is the tuple of all the spec's variables (for UNCHANGED).
	Vars string
}

// Role names the goroutines of one constant set.
type Role struct{ Set, Name string }

// Mutex is a lock: Var holds the goroutine holding it (or Var[Key], for a
// function of locks).
type Mutex struct{ Label, Var, Key string }

// Queue is a buffer: either a ring (Ring, Head, Count) or a sequence
// (Seq) or only a length (Count); Key selects one entry when the
// variables are functions of several queues. Cap names the capacity: a
// variable or a constant, the first of several (space-separated) that
// the state or the spec has ("" when unbounded); Closed the closed flag,
// if any.
type Queue struct {
	Label                       string
	Ring, Head, Count, Seq, Key string
	Cap, Closed                 string
}

// Action is one action of Next.
type Action struct{ Name, Over, Go string }

// queuePCs are the places of Queue.tla's and OneCond.tla's goroutines.
var queuePCs = map[string]string{
	"idle":  "about to call Push/Pop: next is its mu.Lock()",
	"cs":    "holds mu, at the top of the wait loop",
	"wait":  "parked in cond.Wait(), on a notify list",
	"woken": "woken by Signal/Broadcast, waiting to re-acquire mu",
	"take":  "holds mu, past an `if` wait: dequeues without re-checking",
	"done":  "returned for good",
}

// views maps a spec's file name to its View.
func views(spec string) (View, bool) {
	switch filepath.Base(spec) {
	case "Queue.tla":
		return View{
			Title:   "pckit's queue (queue/queue.go)",
			PC:      "pc",
			PCs:     queuePCs,
			Roles:   []Role{{"Producers", "producer"}, {"Consumers", "consumer"}},
			Mutexes: []Mutex{{Label: "mu", Var: "mu"}},
			Conds:   "waitq",
			Queues:  []Queue{{Label: "ring", Ring: "ring", Head: "head", Count: "count", Cap: "capacity Cap", Closed: "closed"}},
			Vars:    "vars",
			Actions: []Action{
				{"Lock", "Procs", "queue.(*Queue).Push / Pop: q.mu.Lock()"},
				{"Relock", "Procs", "queue.(*Queue).wait: cond.Wait() returns, re-acquiring mu; then pushWaiters-- / popWaiters--"},
				{"Push", "Procs", "queue.(*Queue).Push: the wait loop (awaitRoom), then enqueue and Signal notEmpty; or park on notFull; or return ctx.Err() / ErrClosed"},
				{"Pop", "Procs", "queue.(*Queue).Pop: the wait loop (awaitItem), then dequeue and Signal notFull; or park on notEmpty; or return ctx.Err() / ErrClosed"},
				{"PushBatch", "Procs", "queue.(*Queue).PushBatch: the wait loop, then as many items as fit, and a Signal of notEmpty per item for the waiting consumers"},
				{"PopBatch", "Procs", "queue.(*Queue).PopBatch: the wait loop, then up to len(dst) items, and a Signal of notFull per item for the waiting producers"},
				{"PopTake", "Procs", "Pop under `if` (the broken variant): dequeue without re-checking len"},
				{"TryPush", "Procs", "queue.(*Queue).TryPush: lock, one item in if there is room (ErrClosed once closed), unlock"},
				{"TryPop", "Procs", "queue.(*Queue).TryPop: lock, the head item if there is one (ErrClosed once closed and drained), unlock"},
				{"CtxEnd", "Procs", "the caller's context ends (a cancel or a deadline)"},
				{"CtxCallback", "Procs", "the context.AfterFunc callback of queue.(*Queue).wait: mu.Lock(); cond.Broadcast()"},
				{"Close", "", "queue.(*Queue).Close: closed = true; Broadcast notFull and notEmpty"},
				{"Resize", "", "queue.(*Queue).Resize: a new capacity; Broadcast notFull if it grew and a producer waits"},
				{"Finished", "", "every goroutine returned and the queue is closed: nothing left to do"},
			},
		}, true
	case "OneCond.tla":
		return View{
			Title:   "a queue with one sync.Cond for both predicates",
			PC:      "pc",
			PCs:     queuePCs,
			Roles:   []Role{{"Producers", "producer"}, {"Consumers", "consumer"}},
			Mutexes: []Mutex{{Label: "mu", Var: "mu"}},
			Conds:   "waitq",
			Cond:    "cond",
			Queues:  []Queue{{Label: "items", Count: "count", Cap: "Cap"}},
			Vars:    "vars",
			Actions: []Action{
				{"Lock", "Procs", "Push / Pop: mu.Lock()"},
				{"Relock", "Procs", "cond.Wait() returns, re-acquiring mu; then pushWaiters-- / popWaiters--"},
				{"Push", "Procs", "Push: park on cond while full; else len++ and cond.Signal() if a consumer waits"},
				{"Pop", "Procs", "Pop: park on cond while empty; else len-- and cond.Signal() if a producer waits"},
			},
		}, true
	case "TwoQueues.tla":
		return View{
			Title: "two queues and two transfers between them",
			PC:    "pc",
			PCs: map[string]string{
				"lock1": "about to lock its first queue's mu",
				"lock2": "holds its first mu, about to lock the second",
				"move":  "holds both mutexes: moves one item",
				"done":  "returned",
			},
			Mutexes: []Mutex{{Label: "A.mu", Var: "holder", Key: "A"}, {Label: "B.mu", Var: "holder", Key: "B"}},
			Queues:  []Queue{{Label: "A", Count: "len", Key: "A"}, {Label: "B", Count: "len", Key: "B"}},
			Vars:    "vars",
			Actions: []Action{
				{"Lock1", "G", "transfer: the first x.mu.Lock()"},
				{"Lock2", "G", "transfer: the second y.mu.Lock(), holding the first"},
				{"Move", "G", "transfer: move one item, then both Unlocks"},
				{"Finished", "", "both transfers returned: nothing left to do"},
			},
		}, true
	case "Workers.tla":
		return View{
			Title: "the worker group (workers/)",
			PC:    "pc",
			PCs: map[string]string{
				"run":  "running its loop",
				"done": "returned",
			},
			Roles:  []Role{{"Producers", "producer"}, {"Consumers", "consumer"}},
			Queues: []Queue{{Label: "q", Seq: "q", Cap: "Cap", Closed: "closed"}},
			Vars:   "vars",
			Actions: []Action{
				{"Produce", "Producers", "a producer's loop body: queue.(*Queue).Push, or return once stopped"},
				{"Consume", "Consumers", "a consumer's loop body: queue.(*Queue).Pop, or return on ErrClosed"},
				{"Stop", "", "the Group cancels the producers' context"},
				{"CloseQueue", "", "every producer returned: queue.(*Queue).Close"},
				{"Join", "", "every consumer returned: the Group's Wait returns"},
				{"Finished", "", "the Group is joined: nothing left to do"},
			},
		}, true
	}
	return View{}, false
}
