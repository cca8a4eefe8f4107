------------------------------- MODULE Queue -------------------------------
\* pckit's bounded blocking queue, as built in queue/queue.go: one
\* sync.Mutex mu, two sync.Cond on it (notFull, notEmpty), a ring buffer
\* of capacity Cap, a closed flag and the waiter counters pushWaiters and
\* popWaiters.  Producers call Push Items times; consumers call Pop until
\* it fails; an owner calls Close and Resize.  Any process in Cancellable
\* may have its context end at any moment.  A goroutine in Batch calls
\* PushBatch (all its remaining items) or PopBatch (up to BatchLen items)
\* instead; one in NonBlocking may also call TryPush or TryPop.
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
    CloseFair,     \* TRUE: Close is weakly fair (it comes unless the
                   \* system stops before); FALSE: it may never come
    Batch,         \* goroutines that call PushBatch / PopBatch
    BatchLen,      \* len(dst) of a PopBatch call
    NonBlocking,   \* goroutines that may also call TryPush / TryPop
    Resizes,       \* the capacities the owner's Resize calls set, each
                   \* once, in any order
    \* ---- broken variants ----
    OneCond,       \* one sync.Cond for both "not full" and "not empty"
    PopIf,         \* Pop waits under `if` instead of `for`
    CloseSignals,  \* Close calls Signal instead of Broadcast
    CtxFirst       \* the loop checks ctx.Err() before the predicate

ASSUME Cap \in Nat \ {0} /\ Items \in Nat /\ BatchLen \in Nat \ {0}
ASSUME Cancellable \cup Batch \cup NonBlocking \subseteq Producers \cup Consumers
ASSUME Resizes \subseteq Nat \ {0}

Procs == Producers \cup Consumers
MaxTicket == Cardinality(Producers) * Items  \* the last ticket possible
\* The ring's slots: as many as the largest capacity ever set.  Go's
\* Resize re-lays the buffer; where the items sit changes nothing here.
Slots == CHOOSE m \in {Cap} \cup Resizes : \A x \in {Cap} \cup Resizes : x <= m

\* The names of the two conds. With OneCond both names denote one cond.
NF == IF OneCond THEN "cond" ELSE "notFull"
NE == IF OneCond THEN "cond" ELSE "notEmpty"
CondOf(p) == IF p \in Producers THEN NF ELSE NE

VARIABLES
    mu,          \* the goroutine holding mu, or NoOne
    pc,          \* where each goroutine is (see PCs)
    waitq,       \* waitq[c]: the notify list of cond c, oldest first
    ring,        \* the ring buffer, slots 0..Slots-1 (0 = Go's zero value)
    head,        \* index of the oldest item
    count,       \* number of items in the ring
    capacity,    \* q.cap: Cap, then what Resize set
    resizes,     \* the capacities of the Resize calls still to come
    closed,
    pushWaiters,
    popWaiters,
    sent,        \* sent[p]: items producer p has had accepted
    nIn,         \* tickets issued (items accepted) so far
    popped,      \* ghost: the tickets Pop returned, in order
    ctxDone,     \* ctxDone[p]: p's context has ended
    pending      \* pending[p]: p's AfterFunc callback has started and
                 \* waits for mu to Broadcast p's cond

vars == <<mu, pc, waitq, ring, head, count, capacity, resizes, closed,
          pushWaiters, popWaiters, sent, nIn, popped, ctxDone, pending>>

\* pc values:
\*   "idle"  about to call Push/Pop: the call's mu.Lock()
\*   "cs"    holds mu, at the top of the wait loop
\*   "wait"  parked in cond.Wait(), on a notify list
\*   "woken" notified, re-acquiring mu inside cond.Wait()
\*   "take"  holds mu, past an `if` wait (PopIf variant only)
\*   "done"  returned for good
PCs == {"idle", "cs", "wait", "woken", "take", "done"}

Contents == [i \in 1..count |-> ring[(head + i - 1) % Slots]]

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
Min(a, b) == IF a < b THEN a ELSE b
\* k calls of Signal in a row (none if k <= 0, like Go's range over an
\* int): wake the first min(k, Len) goroutines of the list.
SignalsPc(pcv, wq, c, k) ==
    IF k <= 0 THEN pcv
    ELSE [q \in Procs |-> IF \E i \in 1..k : i <= Len(wq[c]) /\ wq[c][i] = q
                          THEN "woken" ELSE pcv[q]]
SignalsQ(wq, c, k) ==
    IF k <= 0 THEN wq
    ELSE [wq EXCEPT ![c] = SubSeq(wq[c], Min(k, Len(wq[c])) + 1, Len(wq[c]))]

-----------------------------------------------------------------------------
Init ==
    /\ mu = NoOne
    /\ pc = [p \in Procs |-> IF p \in Producers /\ Items = 0
                               THEN "done" ELSE "idle"]
    /\ waitq = [c \in {NF, NE} |-> <<>>]
    /\ ring = [i \in 0..Slots-1 |-> 0]
    /\ head = 0
    /\ count = 0
    /\ capacity = Cap
    /\ resizes = Resizes
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
    /\ UNCHANGED <<waitq, ring, head, count, capacity, resizes, closed,
                   pushWaiters, popWaiters, sent, nIn, popped, ctxDone, pending>>

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
    /\ UNCHANGED <<waitq, ring, head, count, capacity, resizes, closed,
                   sent, nIn, popped, ctxDone, pending>>

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

\* Go: queue.(*Queue).pushed(n) after n items went in: min(n, popWaiters)
\* Signals on notEmpty.  The n tickets take the ring's next free slots;
\* pc1 is pc once the call has returned (mu released).
Enqueue(p, n, pc1) ==
    /\ ring' = IF n = 1 THEN [ring EXCEPT ![(head + count) % Slots] = nIn + 1]
               ELSE [i \in 0..Slots-1 |->
                       LET off == (i + 2 * Slots - head - count) % Slots
                       IN IF off < n THEN nIn + 1 + off ELSE ring[i]]
    /\ count' = count + n
    /\ nIn' = nIn + n
    /\ sent' = [sent EXCEPT ![p] = sent[p] + n]
    /\ mu' = NoOne
    /\ pc' = SignalsPc(pc1, waitq, NE, Min(n, popWaiters))
    /\ waitq' = SignalsQ(waitq, NE, Min(n, popWaiters))
    /\ UNCHANGED <<head, pushWaiters, popWaiters>>

\* Go: the dequeue of n items at the head, then queue.(*Queue).popped(n):
\*   v := buf[head]; buf[head] = zero; head = (head+1) % cap; len--  (n times)
\*   min(n, pushWaiters) Signals on notFull.
Dequeue(p, n, pc1) ==
    /\ popped' = IF n = 1 THEN Append(popped, ring[head])
                 ELSE popped \o [j \in 1..n |-> ring[(head + j - 1) % Slots]]
    /\ ring' = IF n = 1 THEN [ring EXCEPT ![head] = 0]
               ELSE [i \in 0..Slots-1 |->
                       IF (i + Slots - head) % Slots < n THEN 0 ELSE ring[i]]
    /\ head' = (head + n) % Slots
    /\ count' = count - n
    /\ mu' = NoOne
    /\ pc' = SignalsPc(pc1, waitq, NF, Min(n, pushWaiters))
    /\ waitq' = SignalsQ(waitq, NF, Min(n, pushWaiters))
    /\ UNCHANGED <<pushWaiters, popWaiters, sent, nIn>>

\* Go: queue.(*Queue).awaitRoom, from the top of its wait loop, then the
\* n items in (Push: n = 1; PushBatch: as many as fit):
\*   for !closed && len >= cap { if ctx.Err() != nil { return ctx.Err() }
\*                               pushWaiters++; wait(notFull); ... }
\*   if closed { return ErrClosed }
\*   enqueue n items; pushed(n)
\* CtxFirst swaps the first two tests (the broken variant).
AwaitRoomThenPut(p) ==
    /\ pc[p] = "cs"
    /\ LET full == ~closed /\ count >= capacity
           n == IF p \in Batch THEN Min(Items - sent[p], capacity - count) ELSE 1
           stopCtx == IF CtxFirst THEN ctxDone[p] ELSE full /\ ctxDone[p]
       IN
       IF stopCtx \/ (~full /\ closed)
         THEN Fail(p) /\ UNCHANGED <<ring, head, count, sent, nIn>>
       ELSE IF full
         THEN StartWait(p) /\ UNCHANGED <<ring, head, count, sent, nIn>>
       ELSE Enqueue(p, n, [pc EXCEPT ![p] = IF sent[p] + n = Items
                                               THEN "done" ELSE "idle"])
    /\ UNCHANGED <<capacity, resizes, closed, popped, ctxDone, pending>>

\* Go: queue.(*Queue).Push: one item.
Push(p) ==
    /\ pc[p] = "cs" /\ p \in Producers /\ p \notin Batch
    /\ AwaitRoomThenPut(p)

\* Go: queue.(*Queue).PushBatch(ctx, vs), vs = the producer's remaining
\* items: once there is room, min(len(vs), cap - len) items in one step.
PushBatch(p) ==
    /\ pc[p] = "cs" /\ p \in Batch /\ p \in Producers
    /\ AwaitRoomThenPut(p)

\* Go: queue.(*Queue).awaitItem, from the top of its wait loop, then the
\* dequeue (Pop: n = 1; PopBatch: min(len(dst), len)):
\*   for len == 0 && !closed { if ctx.Err() != nil { return ctx.Err() }
\*                             popWaiters++; wait(notEmpty); ... }
\*   if len == 0 { return ErrClosed }  // closed and drained
\*   dequeue n items; popped(n)
AwaitItemThenTake(p) ==
    /\ pc[p] = "cs"
    /\ LET empty == count = 0 /\ ~closed
           n == IF p \in Batch THEN Min(BatchLen, count) ELSE 1
           stopCtx == IF CtxFirst THEN ctxDone[p] ELSE empty /\ ctxDone[p]
       IN
       IF stopCtx \/ (~empty /\ count = 0)
         THEN Fail(p) /\ UNCHANGED <<ring, head, count, popped>>
       ELSE IF empty
         THEN StartWait(p) /\ UNCHANGED <<ring, head, count, popped>>
       ELSE Dequeue(p, n, [pc EXCEPT ![p] = "idle"])
    /\ UNCHANGED <<capacity, resizes, closed, sent, nIn, ctxDone, pending>>

\* Go: queue.(*Queue).Pop: one item.
Pop(p) ==
    /\ pc[p] = "cs" /\ p \in Consumers /\ p \notin Batch
    /\ AwaitItemThenTake(p)

\* Go: queue.(*Queue).PopBatch(ctx, dst), len(dst) = BatchLen.
PopBatch(p) ==
    /\ pc[p] = "cs" /\ p \in Batch /\ p \in Consumers
    /\ AwaitItemThenTake(p)

\* PopIf variant only: Pop trusts its wake-up and dequeues without
\* re-checking len (`if len == 0 { wait }` instead of `for`).
PopTake(p) ==
    /\ pc[p] = "take"
    /\ Dequeue(p, 1, [pc EXCEPT ![p] = "idle"])
    /\ UNCHANGED <<capacity, resizes, closed, sent, nIn, ctxDone, pending>>

\* Go: queue.(*Queue).TryPush, one step (lock, test, unlock): ErrClosed on
\* a closed queue (the producer then gives up), else one item in if there
\* is room.  On a full queue it returns ErrFull having changed nothing: a
\* step that changes nothing needs no action (the producer may then Push).
TryPush(p) ==
    /\ pc[p] = "idle" /\ p \in NonBlocking /\ p \in Producers
    /\ mu = NoOne
    /\ closed \/ count < capacity
    /\ IF closed
         THEN /\ pc' = [pc EXCEPT ![p] = "done"]
              /\ UNCHANGED <<mu, waitq, ring, head, count, pushWaiters,
                             popWaiters, sent, nIn>>
         ELSE Enqueue(p, 1, [pc EXCEPT ![p] = IF sent[p] + 1 = Items
                                             THEN "done" ELSE "idle"])
    /\ UNCHANGED <<capacity, resizes, closed, popped, ctxDone, pending>>

\* Go: queue.(*Queue).TryPop, one step: the head item if there is one,
\* else ErrClosed on a closed queue (the consumer returns for good); on an
\* empty open queue ErrEmpty, which changes nothing.
TryPop(p) ==
    /\ pc[p] = "idle" /\ p \in NonBlocking /\ p \in Consumers
    /\ mu = NoOne
    /\ count > 0 \/ closed
    /\ IF count = 0
         THEN /\ pc' = [pc EXCEPT ![p] = "done"]
              /\ UNCHANGED <<mu, waitq, ring, head, count, popped,
                             pushWaiters, popWaiters>>
         ELSE Dequeue(p, 1, pc)
    /\ UNCHANGED <<capacity, resizes, closed, sent, nIn, ctxDone, pending>>

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
    /\ UNCHANGED <<mu, ring, head, count, capacity, resizes, pushWaiters,
                   popWaiters, sent, nIn, popped, ctxDone, pending>>

\* Go: queue.(*Queue).Resize(n), an owner's call, one step: growing
\* Broadcasts notFull if a pusher waits; shrinking keeps every item, so
\* count may exceed capacity until consumers catch up.  Not fair: the
\* owner may never call it.
Resize ==
    /\ mu = NoOne
    /\ \E n \in resizes :
         /\ capacity' = n
         /\ resizes' = resizes \ {n}
         /\ IF n > capacity /\ pushWaiters > 0
              THEN /\ pc' = BcastPc(pc, waitq, NF)
                   /\ waitq' = BcastQ(waitq, NF)
              ELSE UNCHANGED <<pc, waitq>>
    /\ UNCHANGED <<mu, ring, head, count, closed, pushWaiters, popWaiters,
                   sent, nIn, popped, ctxDone, pending>>

\* The environment: p's context ends (cancel or deadline).  If p is inside
\* queue.(*Queue).wait (its AfterFunc registered and not yet stopped), the
\* AfterFunc callback starts; it runs later, in CtxCallback.
CtxEnd(p) ==
    /\ p \in Cancellable
    /\ ~ctxDone[p]
    /\ pc[p] # "done"
    /\ ctxDone' = [ctxDone EXCEPT ![p] = TRUE]
    /\ pending' = [pending EXCEPT ![p] = pc[p] \in {"wait", "woken"}]
    /\ UNCHANGED <<mu, pc, waitq, ring, head, count, capacity, resizes,
                   closed, pushWaiters, popWaiters, sent, nIn, popped>>

\* Go: the callback registered by context.AfterFunc in
\* queue.(*Queue).wait: mu.Lock(); cond.Broadcast(); mu.Unlock().
CtxCallback(p) ==
    /\ pending[p]
    /\ mu = NoOne
    /\ pending' = [pending EXCEPT ![p] = FALSE]
    /\ pc' = BcastPc(pc, waitq, CondOf(p))
    /\ waitq' = BcastQ(waitq, CondOf(p))
    /\ UNCHANGED <<mu, ring, head, count, capacity, resizes, closed,
                   pushWaiters, popWaiters, sent, nIn, popped, ctxDone>>

AllDone == \A p \in Procs : pc[p] = "done"

\* Everything returned, the queue closed, no callback left: stutter, so
\* that the deadlock check flags only states stuck before the end.
Finished ==
    /\ AllDone /\ closed /\ \A p \in Procs : ~pending[p]
    /\ UNCHANGED vars

Step(p) ==
    \/ Lock(p) \/ Relock(p) \/ Push(p) \/ PushBatch(p) \/ Pop(p)
    \/ PopBatch(p) \/ PopTake(p) \/ TryPush(p) \/ TryPop(p)

Next ==
    \/ \E p \in Procs : Step(p) \/ CtxEnd(p) \/ CtxCallback(p)
    \/ Close
    \/ Resize
    \/ Finished

\* Goroutines and the AfterFunc callbacks are weakly fair; so is Close if
\* CloseFair (else it may never come, and nothing can hide behind its
\* Broadcast); contexts ending and Resize are not (they may never happen).
\* (The offline checker takes fairness from the operator named Spec only,
\* so the choice is a constant, not a second specification.)
Spec ==
    /\ Init /\ [][Next]_vars
    /\ \A p \in Procs : WF_vars(Step(p))
    /\ \A p \in Procs : WF_vars(CtxCallback(p))
    /\ WF_vars(CloseFair /\ Close)

-----------------------------------------------------------------------------
\* Properties

TypeOK ==
    /\ mu \in Procs \cup {NoOne}
    /\ pc \in [Procs -> PCs]
    /\ DOMAIN waitq = {NF, NE}
    /\ \A c \in {NF, NE} : \A i \in 1..Len(waitq[c]) : waitq[c][i] \in Procs
    /\ ring \in [0..Slots-1 -> 0..MaxTicket]
    /\ head \in 0..Slots-1
    /\ count \in 0..Slots
    /\ capacity \in Nat \ {0}
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
    /\ ParkedReady(Producers, count < capacity \/ closed)
         => (Running(Producers) \/ Rescue(NF))

\* The promises to a user.  They speak of calls and items, not of how
\* the queue is built, so that a lost wake-up shows as a broken promise
\* even where NoLostWakeup were not checked; with CloseFair = FALSE no
\* Close can rescue a stranded waiter.

\* After Close, every goroutine returns.
Termination == closed ~> AllDone

\* A caller whose context ends does not stay in its call: it returns.
CtxReturns == \A p \in Cancellable : ctxDone[p] ~> pc[p] \in {"idle", "done"}

\* While some consumer keeps its context (and so keeps popping), every
\* producer finishes and every accepted item is popped.  Stated without a
\* temporal premise (the offline checker evaluates none): "or every
\* consumer's context has ended", which is the same, as a context that
\* has ended stays ended.
ConsumersGone == \A c \in Consumers : ctxDone[c]
ProducersDone == \A p \in Producers : pc[p] = "done"
ProducersFinish == <>(ProducersDone \/ ConsumersGone)
Popped(t) == \E i \in 1..Len(popped) : popped[i] = t
AcceptedPopped ==
    \A t \in 1..MaxTicket : (nIn >= t) ~> (Popped(t) \/ ConsumersGone)

\* Every consumer returns.  It holds only if Close comes: a Pop waits for
\* an item or for Close (QueueNeverClosed is the counterexample).
ConsumersReturn == <>(\A c \in Consumers : pc[c] = "done")

\* A push waits only while the queue is full, a pop only while it is
\* empty: no call stays parked for ever while it could go on.
PushNeverStuck ==
    \A p \in Producers : []<>(pc[p] # "wait" \/ (count >= capacity /\ ~closed))
PopNeverStuck ==
    \A p \in Consumers : []<>(pc[p] # "wait" \/ (count = 0 /\ ~closed))

=============================================================================
