------------------------------- MODULE Queue -------------------------------
\* pckit's bounded blocking queue, as built in queue/queue.go: one
\* sync.Mutex mu, two sync.Cond on it (notFull, notEmpty), a ring buffer
\* of capacity Cap, a closed flag and the waiter counters pushWaiters and
\* popWaiters.  Producers call Push Items times; consumers call Pop until
\* it fails; an owner calls Close.  Any process in Cancellable may have
\* its context end at any moment.
\* Go's sync.Cond is modelled as it is: Wait puts the goroutine at the
\* tail of the cond's notify list and releases mu; Signal wakes the
\* longest waiter (the head of the list), Broadcast wakes all; a woken
\* goroutine must re-acquire mu, and any other goroutine may take mu
\* first (barging).
\* Each item is a ticket: the n-th item accepted by the queue is the
\* number n.  popped is the (ghost) sequence of tickets handed out by Pop.
\* The constants below the line select the broken variants that lessons
\* use; the correct design has all of them FALSE.
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Producers,     \* set of producer goroutines (model values)
    Consumers,     \* set of consumer goroutines (model values)
    Cap,           \* queue capacity, >= 1
    Items,         \* each producer pushes this many items, then returns
    Cancellable,   \* processes whose context may end (at any moment)
    NoOne,         \* model value: nobody holds mu
    CloseAnyTime,  \* TRUE: Close may come at any moment;
                   \* FALSE: only once every producer has returned
    \* ---- broken variants ----
    OneCond,       \* one sync.Cond for both "not full" and "not empty"
    PopIf,         \* Pop waits under `if` instead of `for`
    CloseSignals,  \* Close calls Signal instead of Broadcast
    CtxFirst       \* the loop checks ctx.Err() before the predicate

ASSUME Cap \in Nat \ {0} /\ Items \in Nat
ASSUME Cancellable \subseteq Producers \cup Consumers

Procs == Producers \cup Consumers
MaxTicket == Cardinality(Producers) * Items  \* the last ticket possible

\* The names of the two conds. With OneCond both names denote one cond.
NF == IF OneCond THEN "cond" ELSE "notFull"
NE == IF OneCond THEN "cond" ELSE "notEmpty"
CondOf(p) == IF p \in Producers THEN NF ELSE NE

VARIABLES
    mu,          \* the goroutine holding mu, or NoOne
    pc,          \* where each goroutine is (see PCs)
    waitq,       \* waitq[c]: the notify list of cond c, oldest first
    ring,        \* the ring buffer, slots 0..Cap-1 (0 = Go's zero value)
    head,        \* index of the oldest item
    count,       \* number of items in the ring
    closed,
    pushWaiters,
    popWaiters,
    sent,        \* sent[p]: items producer p has had accepted
    nIn,         \* tickets issued (items accepted) so far
    popped,      \* ghost: the tickets Pop returned, in order
    ctxDone,     \* ctxDone[p]: p's context has ended
    pending      \* pending[p]: p's AfterFunc callback has started and
                 \* waits for mu to Broadcast p's cond

vars == <<mu, pc, waitq, ring, head, count, closed, pushWaiters,
          popWaiters, sent, nIn, popped, ctxDone, pending>>

\* pc values:
\*   "idle"  about to call Push/Pop: the call's mu.Lock()
\*   "cs"    holds mu, at the top of the wait loop
\*   "wait"  parked in cond.Wait(), on a notify list
\*   "woken" notified, re-acquiring mu inside cond.Wait()
\*   "take"  holds mu, past an `if` wait (PopIf variant only)
\*   "done"  returned for good
PCs == {"idle", "cs", "wait", "woken", "take", "done"}

Contents == [i \in 1..count |-> ring[(head + i - 1) % Cap]]

-----------------------------------------------------------------------------
\* Cond operations on (pc, waitq) values, so that one step can compose
\* them.  They model sync.(*Cond).Signal / Broadcast.

InList(q, s) == \E i \in 1..Len(s) : s[i] = q

SignalPc(pcv, wq, c) ==
    IF wq[c] = <<>> THEN pcv ELSE [pcv EXCEPT ![Head(wq[c])] = "woken"]
SignalQ(wq, c) ==
    IF wq[c] = <<>> THEN wq ELSE [wq EXCEPT ![c] = Tail(wq[c])]
BcastPc(pcv, wq, c) ==
    [q \in Procs |-> IF InList(q, wq[c]) THEN "woken" ELSE pcv[q]]
BcastQ(wq, c) == [wq EXCEPT ![c] = <<>>]

-----------------------------------------------------------------------------
Init ==
    /\ mu = NoOne
    /\ pc = [p \in Procs |-> IF p \in Producers /\ Items = 0
                               THEN "done" ELSE "idle"]
    /\ waitq = [c \in {NF, NE} |-> <<>>]
    /\ ring = [i \in 0..Cap-1 |-> 0]
    /\ head = 0
    /\ count = 0
    /\ closed = FALSE
    /\ pushWaiters = 0
    /\ popWaiters = 0
    /\ sent = [p \in Producers |-> 0]
    /\ nIn = 0
    /\ popped = <<>>
    /\ ctxDone = [p \in Procs |-> FALSE]
    /\ pending = [p \in Procs |-> FALSE]

\* Go: the `q.mu.Lock()` at the top of queue.(*Queue).Push and
\* queue.(*Queue).Pop.
Lock(p) ==
    /\ pc[p] = "idle"
    /\ mu = NoOne
    /\ mu' = p
    /\ pc' = [pc EXCEPT ![p] = "cs"]
    /\ UNCHANGED <<waitq, ring, head, count, closed, pushWaiters,
                   popWaiters, sent, nIn, popped, ctxDone, pending>>

\* Go: the end of cond.Wait() in queue.(*Queue).wait: re-acquire mu (any
\* other goroutine may have taken it first), then stop() the AfterFunc,
\* and, back in Push/Pop, pushWaiters-- or popWaiters--.
Relock(p) ==
    /\ pc[p] = "woken"
    /\ mu = NoOne
    /\ mu' = p
    /\ pc' = [pc EXCEPT ![p] = IF PopIf /\ p \in Consumers THEN "take" ELSE "cs"]
    /\ IF p \in Producers
         THEN pushWaiters' = pushWaiters - 1 /\ UNCHANGED popWaiters
         ELSE popWaiters' = popWaiters - 1 /\ UNCHANGED pushWaiters
    /\ UNCHANGED <<waitq, ring, head, count, closed, sent, nIn, popped,
                   ctxDone, pending>>

\* Go: queue.(*Queue).wait, called from the loop: register the
\* context.AfterFunc, then cond.Wait(): join the notify list, unlock mu.
\* The caller did pushWaiters++ / popWaiters++ just before.
StartWait(p) ==
    /\ mu' = NoOne
    /\ pc' = [pc EXCEPT ![p] = "wait"]
    /\ waitq' = [waitq EXCEPT ![CondOf(p)] = Append(waitq[CondOf(p)], p)]
    /\ IF p \in Producers
         THEN pushWaiters' = pushWaiters + 1 /\ UNCHANGED popWaiters
         ELSE popWaiters' = popWaiters + 1 /\ UNCHANGED pushWaiters

\* A call returns an error (ctx.Err() or ErrClosed): the deferred
\* mu.Unlock(); the producer or consumer then returns for good.
Fail(p) ==
    /\ mu' = NoOne
    /\ pc' = [pc EXCEPT ![p] = "done"]
    /\ UNCHANGED <<waitq, pushWaiters, popWaiters>>

\* Go: queue.(*Queue).Push, from the top of its wait loop to the return:
\*   for !closed && len == cap { if ctx.Err() != nil { return ctx.Err() }
\*                               pushWaiters++; wait(notFull); ... }
\*   if closed { return ErrClosed }
\*   enqueue; if popWaiters > 0 { notEmpty.Signal() }  (pushed: min(1, popWaiters) signals)
\* CtxFirst swaps the first two tests (the broken variant).
Push(p) ==
    /\ p \in Producers
    /\ pc[p] = "cs"
    /\ LET full == ~closed /\ count = Cap
           stopCtx == IF CtxFirst THEN ctxDone[p] ELSE full /\ ctxDone[p]
           t == nIn + 1
           pc1 == [pc EXCEPT ![p] = IF sent[p] + 1 = Items THEN "done" ELSE "idle"]
       IN
       IF stopCtx \/ (~full /\ closed)
         THEN Fail(p) /\ UNCHANGED <<ring, head, count, sent, nIn>>
       ELSE IF full
         THEN StartWait(p) /\ UNCHANGED <<ring, head, count, sent, nIn>>
       ELSE \* enqueue
         /\ ring' = [ring EXCEPT ![(head + count) % Cap] = t]
         /\ count' = count + 1
         /\ nIn' = t
         /\ sent' = [sent EXCEPT ![p] = sent[p] + 1]
         /\ mu' = NoOne
         /\ IF popWaiters > 0
              THEN /\ pc' = SignalPc(pc1, waitq, NE)
                   /\ waitq' = SignalQ(waitq, NE)
              ELSE /\ pc' = pc1
                   /\ UNCHANGED waitq
         /\ UNCHANGED <<pushWaiters, popWaiters, head>>
    /\ UNCHANGED <<closed, popped, ctxDone, pending>>

\* Go: the dequeue at the end of queue.(*Queue).Pop:
\*   v := buf[head]; buf[head] = zero; head = (head+1) % cap; len--
\*   if pushWaiters > 0 { notFull.Signal() }; return v, nil  (popped: min(1, pushWaiters))
Dequeue(p) ==
    /\ popped' = Append(popped, ring[head])
    /\ ring' = [ring EXCEPT ![head] = 0]
    /\ head' = (head + 1) % Cap
    /\ count' = count - 1
    /\ mu' = NoOne
    /\ IF pushWaiters > 0
         THEN /\ pc' = SignalPc([pc EXCEPT ![p] = "idle"], waitq, NF)
              /\ waitq' = SignalQ(waitq, NF)
         ELSE /\ pc' = [pc EXCEPT ![p] = "idle"]
              /\ UNCHANGED waitq
    /\ UNCHANGED <<pushWaiters, popWaiters, sent, nIn>>

\* Go: queue.(*Queue).Pop, from the top of its wait loop to the return:
\*   for len == 0 && !closed { if ctx.Err() != nil { return ctx.Err() }
\*                             popWaiters++; wait(notEmpty); ... }
\*   if len == 0 { return ErrClosed }  // closed and drained
\*   dequeue
Pop(p) ==
    /\ p \in Consumers
    /\ pc[p] = "cs"
    /\ LET empty == count = 0 /\ ~closed
           stopCtx == IF CtxFirst THEN ctxDone[p] ELSE empty /\ ctxDone[p]
       IN
       IF stopCtx \/ (~empty /\ count = 0)
         THEN Fail(p) /\ UNCHANGED <<ring, head, count, popped>>
       ELSE IF empty
         THEN StartWait(p) /\ UNCHANGED <<ring, head, count, popped>>
       ELSE Dequeue(p)
    /\ UNCHANGED <<closed, sent, nIn, ctxDone, pending>>

\* PopIf variant only: Pop trusts its wake-up and dequeues without
\* re-checking len (`if len == 0 { wait }` instead of `for`).
PopTake(p) ==
    /\ pc[p] = "take"
    /\ Dequeue(p)
    /\ UNCHANGED <<closed, sent, nIn, ctxDone, pending>>

\* Go: queue.(*Queue).Close: lock; closed = true; notFull.Broadcast();
\* notEmpty.Broadcast(); unlock.  CloseSignals: Signal instead.
\* The owner calls it once (a second Close is a no-op, so not modelled);
\* unless CloseAnyTime, only after every producer has returned.
Close ==
    /\ ~closed
    /\ mu = NoOne
    /\ CloseAnyTime \/ \A p \in Producers : pc[p] = "done"
    /\ closed' = TRUE
    /\ IF CloseSignals
         THEN LET pc1 == SignalPc(pc, waitq, NF)
                  wq1 == SignalQ(waitq, NF)
              IN /\ pc' = SignalPc(pc1, wq1, NE)
                 /\ waitq' = SignalQ(wq1, NE)
         ELSE LET pc1 == BcastPc(pc, waitq, NF)
                  wq1 == BcastQ(waitq, NF)
              IN /\ pc' = BcastPc(pc1, wq1, NE)
                 /\ waitq' = BcastQ(wq1, NE)
    /\ UNCHANGED <<mu, ring, head, count, pushWaiters, popWaiters, sent,
                   nIn, popped, ctxDone, pending>>

\* The environment: p's context ends (cancel or deadline).  If p is inside
\* queue.(*Queue).wait (its AfterFunc registered and not yet stopped), the
\* AfterFunc callback starts; it runs later, in CtxCallback.
CtxEnd(p) ==
    /\ p \in Cancellable
    /\ ~ctxDone[p]
    /\ pc[p] # "done"
    /\ ctxDone' = [ctxDone EXCEPT ![p] = TRUE]
    /\ pending' = [pending EXCEPT ![p] = pc[p] \in {"wait", "woken"}]
    /\ UNCHANGED <<mu, pc, waitq, ring, head, count, closed, pushWaiters,
                   popWaiters, sent, nIn, popped>>

\* Go: the callback registered by context.AfterFunc in
\* queue.(*Queue).wait: mu.Lock(); cond.Broadcast(); mu.Unlock().
CtxCallback(p) ==
    /\ pending[p]
    /\ mu = NoOne
    /\ pending' = [pending EXCEPT ![p] = FALSE]
    /\ pc' = BcastPc(pc, waitq, CondOf(p))
    /\ waitq' = BcastQ(waitq, CondOf(p))
    /\ UNCHANGED <<mu, ring, head, count, closed, pushWaiters, popWaiters,
                   sent, nIn, popped, ctxDone>>

AllDone == \A p \in Procs : pc[p] = "done"

\* Everything returned, the queue closed, no callback left: stutter, so
\* that the deadlock check flags only states stuck before the end.
Finished ==
    /\ AllDone /\ closed /\ \A p \in Procs : ~pending[p]
    /\ UNCHANGED vars

Step(p) == Lock(p) \/ Relock(p) \/ Push(p) \/ Pop(p) \/ PopTake(p)

Next ==
    \/ \E p \in Procs : Step(p) \/ CtxEnd(p) \/ CtxCallback(p)
    \/ Close
    \/ Finished

\* Goroutines, Close and the AfterFunc callbacks are weakly fair;
\* contexts ending is not (it may never happen).
Spec ==
    /\ Init /\ [][Next]_vars
    /\ \A p \in Procs : WF_vars(Step(p))
    /\ \A p \in Procs : WF_vars(CtxCallback(p))
    /\ WF_vars(Close)

-----------------------------------------------------------------------------
\* Properties

TypeOK ==
    /\ mu \in Procs \cup {NoOne}
    /\ pc \in [Procs -> PCs]
    /\ DOMAIN waitq = {NF, NE}
    /\ \A c \in {NF, NE} : \A i \in 1..Len(waitq[c]) : waitq[c][i] \in Procs
    /\ ring \in [0..Cap-1 -> 0..MaxTicket]
    /\ head \in 0..Cap-1
    /\ count \in 0..Cap
    /\ closed \in BOOLEAN
    /\ pushWaiters \in Nat /\ popWaiters \in Nat
    /\ sent \in [Producers -> 0..Items]
    /\ nIn \in Nat
    /\ ctxDone \in [Procs -> BOOLEAN]
    /\ pending \in [Procs -> BOOLEAN]
    \* mu is held exactly by the goroutine inside a critical section
    /\ \A p \in Procs : (pc[p] \in {"cs", "take"}) <=> (mu = p)
    \* parked exactly when on a notify list
    /\ \A p \in Procs : (pc[p] = "wait") <=> InList(p, waitq[CondOf(p)])

\* Nothing lost, nothing duplicated, nothing invented: the tickets popped
\* followed by those in the ring are exactly the tickets 1..nIn, once
\* each (a ring slot read when empty yields 0, never a ticket).
All == popped \o Contents
Conservation ==
    /\ Len(All) = nIn
    /\ \A t \in 1..nIn : \E i \in 1..Len(All) : All[i] = t

\* FIFO: items come out, and sit in the ring, in the order they went in.
FIFO == \A i \in 1..Len(All) - 1 : All[i] < All[i + 1]

\* No lost wake-up: a parked waiter whose predicate holds is never left
\* alone: some goroutine of its kind is still running (and will take the
\* slot or re-signal), or an AfterFunc callback will broadcast its cond.
Running(S) == \E q \in S : pc[q] \notin {"wait", "done"}
Rescue(c) == \E q \in Procs : pending[q] /\ CondOf(q) = c
ParkedReady(S, ready) == (\E q \in S : pc[q] = "wait") /\ ready
NoLostWakeup ==
    /\ ParkedReady(Consumers, count > 0 \/ closed)
         => (Running(Consumers) \/ Rescue(NE))
    /\ ParkedReady(Producers, count < Cap \/ closed)
         => (Running(Producers) \/ Rescue(NF))

\* After Close, every goroutine returns (liveness, weak fairness).
Termination == closed ~> AllDone

\* Every accepted item is eventually popped (liveness).
Popped(t) == \E i \in 1..Len(popped) : popped[i] = t
AcceptedPopped == \A t \in 1..MaxTicket : (nIn >= t) ~> Popped(t)

=============================================================================
