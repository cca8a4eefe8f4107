----------------------------- MODULE QueueTrace -----------------------------
\* Trace validation of tla/Queue.tla: is a log that queue/queue.go wrote
\* (queue.Step, one record per step) a behaviour of the model?
\*
\* The generator (trace.Module) writes one module per log: Queue.tla's
\* text, then Log, the log as a sequence of records, then the text below.
\* A record is [op, p, cond, ts, n, w, err]: the step's Go name (Step.Action),
\* the goroutine ("" when the call has none), the cond, the tickets of the
\* items moved (the n-th item pushed in the log is ticket n), Resize's
\* capacity, the number of Signal and Broadcast records that follow it,
\* and the error returned ("closed", "ctx", "full", "empty").
\*
\* TraceIndex counts the records matched so far.  Each step of TraceNext
\* either matches the next record with a step of Queue.tla's Next taken
\* with the logged arguments, or takes a step the log cannot show (a
\* context ending, CtxEnd) and matches nothing.  Signal and Broadcast
\* records belong to the step just before them: the cond notify lists
\* after that step must be what those wake-ups make of the lists before
\* it.  Everything not logged (which waiter a Signal woke, when a context
\* ended, the waiter counters) is left to the checker to find.
\*
\* TraceMatched is violated exactly when the whole log has been matched:
\* the counterexample is then the model's behaviour that the log is.
\* When it holds, no behaviour matches the log; the largest TraceIndex
\* reached (TraceBelow, with TraceBound set by the checker's driver) names
\* the first record no step of the model can match.
EXTENDS Queue

CONSTANTS Log, TraceBound
VARIABLE TraceIndex

-----------------------------------------------------------------------------
IsWake(i) == Log[i].op \in {"Signal", "Broadcast"}
\* The number of wake records right after record i: the generator puts
\* it in the record as w.
Wakes(i) == Log[i].w

\* The notify lists after the wake records i+1..i+k, applied to wq.
Wake(wq, r) == IF r.op = "Signal" THEN SignalQ(wq, r.cond) ELSE BcastQ(wq, r.cond)
RECURSIVE AfterWakes(_, _, _)
AfterWakes(wq, i, k) == IF k = 0 THEN wq ELSE Wake(AfterWakes(wq, i, k - 1), Log[i + k])

\* The error a failing call returned, as the model took it.
FailedAs(p, err) ==
    /\ pc'[p] = "done"
    /\ UNCHANGED <<nIn, popped>>
    /\ err = "ctx" => ctxDone[p]
    /\ err = "closed" => closed

\* A call that may wait: its StartWait and Fail are steps of one of these.
Call(p) == Push(p) \/ Pop(p) \/ PushBatch(p) \/ PopBatch(p)

\* The tickets t+1, ..., t+n.
Tickets(t, n) == [i \in 1..n |-> t + i]

\* Record r, matched by a step of the model.  A Try call has no context,
\* so no goroutine in its record: it is a goroutine of NonBlocking.  A
\* TryPush that returned ErrFull (TryPop: ErrEmpty) changed nothing: a
\* stuttering step, taken where the model's queue is full (empty).
MatchStep(r) ==
    \/ r.op = "Lock" /\ Lock(r.p)
    \/ r.op = "Relock" /\ Relock(r.p) /\ r.cond = CondOf(r.p)
    \/ r.op = "StartWait" /\ Call(r.p) /\ pc'[r.p] = "wait" /\ r.cond = CondOf(r.p)
    \/ r.op = "Fail" /\ Call(r.p) /\ FailedAs(r.p, r.err)
    \/ /\ \/ r.op = "Push" /\ Push(r.p)
          \/ r.op = "PushBatch" /\ PushBatch(r.p)
       /\ nIn' = nIn + Len(r.ts) /\ r.ts = Tickets(nIn, Len(r.ts)) /\ r.ts # <<>>
    \/ /\ \/ r.op = "Pop" /\ (Pop(r.p) \/ PopTake(r.p))
          \/ r.op = "PopBatch" /\ PopBatch(r.p)
       /\ popped' = popped \o r.ts /\ r.ts # <<>>
    \/ r.op = "TryPush" /\ r.err = "" /\ \E p \in NonBlocking : TryPush(p)
       /\ nIn' = nIn + 1 /\ r.ts = Tickets(nIn, 1)
    \/ r.op = "TryPush" /\ r.err = "closed" /\ \E p \in NonBlocking : TryPush(p) /\ closed
    \/ r.op = "TryPush" /\ r.err = "full" /\ ~closed /\ count >= capacity /\ UNCHANGED vars
    \/ r.op = "TryPop" /\ r.err = "" /\ \E p \in NonBlocking : TryPop(p)
       /\ popped' = popped \o r.ts
    \/ r.op = "TryPop" /\ r.err = "closed" /\ \E p \in NonBlocking : TryPop(p) /\ count = 0
    \/ r.op = "TryPop" /\ r.err = "empty" /\ ~closed /\ count = 0 /\ UNCHANGED vars
    \/ r.op = "Resize" /\ Resize /\ capacity' = r.n
    \/ r.op = "CtxCallback" /\ CtxCallback(r.p) /\ r.cond = CondOf(r.p)
    \/ r.op = "Close" /\ (Close \/ (closed /\ UNCHANGED vars)) \* again: a no-op

\* The next record and its wake records, matched by one step.
LoggedStep ==
    /\ TraceIndex < Len(Log)
    /\ LET i == TraceIndex + 1
           k == Wakes(i)
       IN /\ ~IsWake(i)
          /\ MatchStep(Log[i])
          /\ IF Log[i].op = "StartWait" THEN k = 0
                                         ELSE waitq' = AfterWakes(waitq, i, k)
          /\ TraceIndex' = i + k

\* A context ends: the log cannot show when.  Only the goroutine's own
\* steps read its context (ctxDone), and whether its callback is armed
\* (pending) depends on where the goroutine is, which only its own steps
\* and wake-ups change, between "wait" and "woken" alike; so taking the
\* end just before the goroutine's next logged step loses no behaviour.
UnloggedStep ==
    /\ TraceIndex < Len(Log)
    /\ CtxEnd(Log[TraceIndex + 1].p)
    /\ UNCHANGED TraceIndex

TraceInit == Init /\ TraceIndex = 0
TraceNext == LoggedStep \/ UnloggedStep

TraceMatched == TraceIndex # Len(Log)
TraceBelow == TraceIndex < TraceBound

=============================================================================
