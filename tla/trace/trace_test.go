package trace

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/pckit/pckit/tla"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// check decides every log with the offline checker and the logs at the
// indexes tlcAt with TLC too (when TLC is found), and fails when the two
// disagree. It returns the offline verdicts.
func check(t *testing.T, logs []Log, tlcAt []int) []Verdict {
	t.Helper()
	jar, err := tla.FindTLC(t.Context())
	if err != nil {
		t.Logf("TLC not run, offline checker only: %v", err)
	}
	tlc := make([]Verdict, len(tlcAt))
	tlcErr := make([]error, len(tlcAt))
	var wg sync.WaitGroup
	if jar != "" {
		wg.Go(func() {
			for i, at := range tlcAt {
				tlc[i], tlcErr[i] = CheckTLC(t.Context(), jar, logs[at])
			}
		})
	}
	vs, err := CheckOffline(t.Context(), logs)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if jar == "" {
		return vs
	}
	for i, at := range tlcAt {
		off, tv := vs[at], tlc[i]
		switch {
		case tlcErr[i] != nil:
			t.Errorf("TLC: %v", tlcErr[i])
		case tv.Accepted != off.Accepted:
			t.Errorf("log %s: the checkers disagree: TLC accepted %v, tla-checker accepted %v\n%s", off.Log.Name, tv.Accepted, off.Accepted, off.Rejection())
		case tv.Accepted && tv.States() != off.States():
			t.Errorf("log %s: the checkers disagree: TLC matches it with %d states, tla-checker with %d", off.Log.Name, tv.States(), off.States())
		case !tv.Accepted && tv.Distinct != off.Distinct:
			t.Errorf("log %s: the checkers disagree: TLC explored %d states, tla-checker %d", off.Log.Name, tv.Distinct, off.Distinct)
		default:
			t.Logf("log %s: TLC agrees (accepted %v, %d states explored, %v)", off.Log.Name, tv.Accepted, tv.Distinct, tv.Elapsed.Round(1e6))
		}
	}
	return vs
}

// TestRealRunsAreBehaviours records runs of the real queue, built with
// the race detector as the test is, and checks each log is a behaviour of
// tla/Queue.tla.
func TestRealRunsAreBehaviours(t *testing.T) {
	t.Parallel()
	const runs = 200
	var logs []Log
	for i := range runs {
		l, err := RunQueue(uint64(i))
		if err != nil {
			t.Fatal(err)
		}
		logs = append(logs, l)
	}
	for _, name := range slices.Sorted(maps.Keys(Scenarios)) {
		l, err := Scenarios[name]()
		if err != nil {
			t.Fatal(err)
		}
		logs = append(logs, l)
	}
	// TLC on two: a random run and a scenario (one JVM each).
	vs := check(t, logs, []int{runs / 2, runs})
	records, states := 0, 0
	for _, v := range vs {
		records += len(v.Log.Records)
		states += v.Distinct
		if !v.Accepted {
			t.Error(v.Rejection())
		}
	}
	t.Logf("%d logs, %d records, %d states explored", len(logs), records, states)
	// Every step the queue reports was met and matched.
	met := map[string]int{}
	for _, l := range logs {
		for _, r := range l.Records {
			met[r.Op+"/"+r.Err]++
		}
	}
	for _, s := range []string{"Lock/", "StartWait/", "Relock/", "Push/", "Pop/", "Fail/closed", "Fail/ctx",
		"CtxCallback/", "Close/", "Signal/", "Broadcast/", "PushBatch/", "PopBatch/", "Resize/",
		"TryPush/", "TryPush/full", "TryPop/", "TryPop/empty"} {
		if met[s] == 0 {
			t.Errorf("no log has a %s record", s)
		}
	}
	t.Logf("records met: %v", met)
}

// A seeded bug: a textual edit of a file (queue/queue.go if not named),
// and the scenario whose log it must make the model reject at a record of
// the given op.
// When the rejection is deterministic, step is how it names the record and
// state, a line of the model's state it shows.
type seededBug struct {
	name, file, old, new      string
	scenario, op, step, state string
}

var seededBugs = []seededBug{{
	name:     "Close signals instead of broadcasting",
	old:      "\tq.broadcast(&q.notFull)\n\tq.broadcast(&q.notEmpty)\n",
	new:      "\tq.signal(&q.notFull)\n\tq.signal(&q.notEmpty)\n",
	scenario: "close-wakes-all", op: "Close",
	step: "record 7 of %d, Close + Signal(notFull) + Signal(notEmpty), matches no step of the model",
}, {
	name:     "if instead of for around Pop's wait",
	old:      "\t\tfor q.items.len() == 0 && !q.closed { // predicate first, as in awaitRoom\n",
	new:      "\t\tif q.items.len() == 0 && !q.closed {\n",
	scenario: "cancel-wakes-waiters", op: "Fail",
}, {
	name:     "the context checked before the predicate",
	old:      "func (q *Queue[T]) awaitItem(ctx context.Context) error {\n",
	new:      "func (q *Queue[T]) awaitItem(ctx context.Context) error {\n\tif err := ctx.Err(); err != nil {\n\t\treturn q.failed(ctx, err)\n\t}\n",
	scenario: "done-ctx-takes-item", op: "Fail",
	step: "record 4 of %d, Fail(c1, err ctx), matches no step of the model",
}, {
	name:     "Pop does not signal notFull",
	old:      "\tfor range min(n, q.pushWaiters) {\n\t\tq.signal(&q.notFull)\n\t}\n",
	new:      "",
	scenario: "pop-wakes-pusher", op: "Pop",
	step: "record 6 of %d, Pop(c1, items [1]), matches no step of the model",
}, {
	name:     "the context's callback wakes nobody",
	old:      "\t\t}\n\t\tq.broadcast(c)\n\t}\n",
	new:      "\t\t}\n\t}\n",
	scenario: "cancel-wakes-waiters", op: "CtxCallback",
	step: "record 5 of %d, CtxCallback(c1, notEmpty), matches no step of the model",
}, {
	name:     "a batch signals once",
	old:      "\tfor range min(n, q.popWaiters) {\n",
	new:      "\tfor range min(1, q.popWaiters) {\n",
	scenario: "batch-wakes-poppers", op: "PushBatch",
	step: "record 6 of %d, PushBatch(p1, items [1 2]) + Signal(notEmpty), matches no step of the model",
}, {
	name:     "the group closes the queue before its producers have returned",
	file:     "workers/group.go",
	old:      "\tg.waitProducers(deadline)\n\tg.closeQueue()\n",
	new:      "\tg.closeQueue()\n",
	scenario: "group-stop", op: "Produce",
}}

// TestSeededBugsAreRejected builds the scenarios' recorder against each
// seeded bug (go build -overlay: the repository is not touched) and
// checks that the model rejects the log, naming the step the bug changed.
func TestSeededBugsAreRejected(t *testing.T) {
	t.Parallel()
	work := t.TempDir()
	logs := make([]Log, len(seededBugs))
	for i, b := range seededBugs {
		file := cmp.Or(b.file, "queue/queue.go")
		path := filepath.Join(tla.Dir(), "..", filepath.FromSlash(file))
		source, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Count(string(source), b.old) != 1 {
			t.Fatalf("seeded bug %q: its text is not once in %s; update the table", b.name, file)
		}
		mutated := filepath.Join(work, fmt.Sprintf("mutated%d.go", i))
		overlay := filepath.Join(work, fmt.Sprintf("overlay%d.json", i))
		bin := filepath.Join(work, fmt.Sprintf("recorder%d", i))
		if err := os.WriteFile(mutated, []byte(strings.Replace(string(source), b.old, b.new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		ov, _ := json.Marshal(map[string]map[string]string{"Replace": {path: mutated}})
		if err := os.WriteFile(overlay, ov, 0o644); err != nil {
			t.Fatal(err)
		}
		build := exec.CommandContext(t.Context(), "go", "build", "-overlay", overlay, "-o", bin, "./testdata/recorder")
		build.Dir = dir()
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("seeded bug %q: build: %v\n%s", b.name, err, out)
		}
		var stdout, stderr bytes.Buffer
		ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
		defer cancel()
		rec := exec.CommandContext(ctx, bin, b.scenario)
		rec.Stdout, rec.Stderr = &stdout, &stderr
		if err := rec.Run(); err != nil {
			t.Fatalf("seeded bug %q: recorder: %v\n%s", b.name, err, stderr.String())
		}
		var got []Log
		if err := json.Unmarshal(stdout.Bytes(), &got); err != nil || len(got) != 1 {
			t.Fatalf("seeded bug %q: recorder output %q: %v", b.name, stdout.String(), err)
		}
		logs[i] = got[0]
		logs[i].Name = b.scenario + " with " + b.name
	}
	vs := check(t, logs, []int{0, 3})
	for i, v := range vs {
		b := seededBugs[i]
		if v.Accepted {
			t.Errorf("seeded bug %q: its log was accepted", b.name)
			continue
		}
		why := v.Rejection()
		if got := v.Log.Records[v.Matched].Op; got != b.op {
			t.Errorf("seeded bug %q: rejected at a %s record, want %s:\n%s", b.name, got, b.op, why)
			continue
		}
		if b.step != "" && !strings.Contains(why, fmt.Sprintf(b.step, len(v.Log.Records))) {
			t.Errorf("seeded bug %q: the rejection does not say %q:\n%s", b.name, fmt.Sprintf(b.step, len(v.Log.Records)), why)
		}
		for _, want := range []string{"matches no step of the model", "State ", "TraceIndex = ", b.state} {
			if !strings.Contains(why, want) {
				t.Errorf("seeded bug %q: the rejection does not say %q:\n%s", b.name, want, why)
			}
		}
		t.Logf("seeded bug %q: %s", b.name, why)
	}
}

// TestGroupRunsAreBehaviours records runs of a workers.Group over the real
// queue, graceful and aborted: each queue log must be a behaviour of
// tla/Queue.tla, and each graceful run's group log one of tla/Workers.tla.
func TestGroupRunsAreBehaviours(t *testing.T) {
	t.Parallel()
	const runs = 30
	var logs []Log
	aborts := 0
	for i := range runs {
		ql, gl, aborted, err := RunGroup(uint64(i))
		if err != nil {
			t.Fatal(err)
		}
		logs = append(logs, ql)
		if aborted {
			aborts++
		} else {
			logs = append(logs, gl)
		}
	}
	if aborts == 0 || aborts == runs {
		t.Fatalf("%d of %d runs aborted: want both kinds", aborts, runs)
	}
	vs := check(t, logs, []int{0, 1})
	for _, v := range vs {
		if !v.Accepted {
			t.Error(v.Rejection())
		}
	}
	t.Logf("%d group runs (%d aborted), %d logs", runs, aborts, len(logs))
}

// TestBehaviourIsTheModelsStates: an accepted log's behaviour lists the
// model's states only, as many as the trace, starting from Init.
func TestBehaviourIsTheModelsStates(t *testing.T) {
	t.Parallel()
	l, err := Scenarios["pop-wakes-pusher"]()
	if err != nil {
		t.Fatal(err)
	}
	vs, err := CheckOffline(t.Context(), []Log{l})
	if err != nil {
		t.Fatal(err)
	}
	v := vs[0]
	if !v.Accepted {
		t.Fatal(v.Rejection())
	}
	b := v.Behaviour()
	if strings.Contains(b, "TraceIndex") || !strings.Contains(v.Trace, "TraceIndex") {
		t.Errorf("TraceIndex is not dropped from the behaviour:\n%s", b)
	}
	if got := len(reState.FindAllString(b, -1)); got != v.States() || got < len(l.Records)/2 {
		t.Errorf("behaviour of %d states, trace of %d, log of %d records", got, v.States(), len(l.Records))
	}
	if !strings.Contains(b[:strings.Index(b[1:], "State ")+1], `pc = [c1 |-> "idle", p1 |-> "idle", p2 |-> "idle"]`) {
		t.Errorf("the behaviour does not start in Init:\n%s", b)
	}
	cfg, err := ModelConfig(l)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"SPECIFICATION Spec", `Producers = {"p1", "p2"}`, "Cap = 1", "CloseAnyTime = TRUE"} {
		if !strings.Contains(cfg, want) {
			t.Errorf("ModelConfig does not say %q:\n%s", want, cfg)
		}
	}
}
