---------------------------- MODULE WorkersTrace ----------------------------
\* Trace validation of tla/Workers.tla: is a log of a workers.Group's run a
\* behaviour of the model?  The log is made of the queue's steps that are
\* the model's (queue.Step: a producer's Push, a consumer's Pop, a Pop
\* that returned ErrClosed, the Close) and the Group's own (Options.OnStep:
\* StopProducers, Join), in the order they happened.
\*
\* The generator (trace.Module) writes one module per log, as for
\* QueueTrace.tla.  A record is [op, p, cond, ts, n, w, err], of which
\* Workers uses op, p and ts:
\*   Produce(p, <<t>>)   producer p's Push was accepted, ticket t
\*   Consume(c, <<t>>)   consumer c's Pop returned ticket t
\*   Consume(c, <<>>)    consumer c's Pop returned ErrClosed: c returns
\*   Stop, CloseQueue, Join
\* Not logged, so left to the checker: a producer that sees the stop
\* between items and returns.
EXTENDS Workers

CONSTANTS Log, TraceBound
VARIABLE TraceIndex

MatchStep(r) ==
    \/ r.op = "Produce" /\ Produce(r.p) /\ nIn' = nIn + 1 /\ r.ts = <<nIn'>>
    \/ r.op = "Consume" /\ Consume(r.p) /\ consumed' = consumed \o r.ts
       /\ (r.ts = <<>>) = (pc'[r.p] = "done")
    \/ r.op = "Stop" /\ Stop
    \/ r.op = "CloseQueue" /\ CloseQueue
    \/ r.op = "Join" /\ Join

LoggedStep ==
    /\ TraceIndex < Len(Log)
    /\ MatchStep(Log[TraceIndex + 1])
    /\ TraceIndex' = TraceIndex + 1

\* A producer sees the stop between items and returns.
UnloggedStep ==
    /\ TraceIndex < Len(Log)
    /\ \E p \in Producers : Produce(p) /\ pc'[p] = "done" /\ UNCHANGED nIn
    /\ UNCHANGED TraceIndex

TraceInit == Init /\ TraceIndex = 0
TraceNext == LoggedStep \/ UnloggedStep

TraceMatched == TraceIndex # Len(Log)
TraceBelow == TraceIndex < TraceBound

=============================================================================
