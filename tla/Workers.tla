------------------------------ MODULE Workers ------------------------------
\* The worker lifecycle as the workers package runs it: a Group runs
\* producers and consumers over one queue and shuts down in this order:
\*   1. stop producers: their context is cancelled (Stop, at any moment;
\*      a producer may also run out of items first);
\*   2. wait until every producer has returned;
\*   3. Close the queue;
\*   4. consumers drain it until Pop returns ErrClosed;
\*   5. every consumer has returned: the Group is joined.
\* Queue operations are single steps here: a step is enabled exactly when
\* the Go call would not block.  Their inside (mutex, conds, wake-ups) is
\* Queue.tla's subject, where it is checked.
EXTENDS Naturals, Sequences

CONSTANTS Producers, Consumers, Cap, Items

Workers == Producers \cup Consumers

VARIABLES
    q,         \* the queue's contents: tickets, oldest first
    closed,    \* the queue is closed
    phase,     \* the Group: "producing", "draining" (queue closed), "joined"
    stopped,   \* the producers' context is cancelled
    pc,        \* pc[w]: "run" or "done" (the goroutine returned)
    sent,      \* sent[p]: items producer p has had accepted
    nIn,       \* tickets issued (items accepted) so far
    consumed   \* ghost: tickets the consumers got, in order

vars == <<q, closed, phase, stopped, pc, sent, nIn, consumed>>

Init ==
    /\ q = <<>>
    /\ closed = FALSE
    /\ phase = "producing"
    /\ stopped = FALSE
    /\ pc = [w \in Workers |-> IF w \in Producers /\ Items = 0 THEN "done" ELSE "run"]
    /\ sent = [p \in Producers |-> 0]
    /\ nIn = 0
    /\ consumed = <<>>

\* A producer's loop body: queue.(*Queue).Push(work, item), where work is
\* the group's abort-only context.  A producer that holds an item pushes
\* it even after the stop, waiting for room (the step is enabled once
\* there is room); it sees the stop only between items.
Produce(p) ==
    /\ p \in Producers /\ pc[p] = "run"
    /\ \/ /\ Len(q) < Cap /\ ~closed
          /\ q' = Append(q, nIn + 1)
          /\ nIn' = nIn + 1
          /\ sent' = [sent EXCEPT ![p] = @ + 1]
          /\ pc' = [pc EXCEPT ![p] = IF sent[p] + 1 = Items THEN "done" ELSE "run"]
       \/ /\ stopped                    \* the producer sees the stop between items
          /\ pc' = [pc EXCEPT ![p] = "done"]
          /\ UNCHANGED <<q, nIn, sent>>
    /\ UNCHANGED <<closed, phase, stopped, consumed>>

\* A consumer's loop body: queue.(*Queue).Pop(ctx).  It takes the oldest
\* item, or returns for good on ErrClosed (closed and drained).
Consume(c) ==
    /\ c \in Consumers /\ pc[c] = "run"
    /\ \/ /\ q # <<>>
          /\ consumed' = Append(consumed, Head(q))
          /\ q' = Tail(q)
          /\ UNCHANGED pc
       \/ /\ q = <<>> /\ closed
          /\ pc' = [pc EXCEPT ![c] = "done"]
          /\ UNCHANGED <<q, consumed>>
    /\ UNCHANGED <<closed, phase, stopped, sent, nIn>>

\* Stop: the Group cancels the producers' context (not fair: may never come).
Stop ==
    /\ phase = "producing" /\ ~stopped
    /\ stopped' = TRUE
    /\ UNCHANGED <<q, closed, phase, pc, sent, nIn, consumed>>

\* Once every producer has returned: queue.(*Queue).Close.
CloseQueue ==
    /\ phase = "producing"
    /\ \A p \in Producers : pc[p] = "done"
    /\ closed' = TRUE
    /\ phase' = "draining"
    /\ UNCHANGED <<q, stopped, pc, sent, nIn, consumed>>

\* Once every consumer has returned: the Group's Wait returns.
Join ==
    /\ phase = "draining"
    /\ \A c \in Consumers : pc[c] = "done"
    /\ phase' = "joined"
    /\ UNCHANGED <<q, closed, stopped, pc, sent, nIn, consumed>>

Finished == phase = "joined" /\ UNCHANGED vars

Next ==
    \/ \E p \in Producers : Produce(p)
    \/ \E c \in Consumers : Consume(c)
    \/ Stop \/ CloseQueue \/ Join \/ Finished

Spec ==
    /\ Init /\ [][Next]_vars
    /\ \A w \in Workers : WF_vars(Produce(w) \/ Consume(w))
    /\ WF_vars(CloseQueue) /\ WF_vars(Join)

TypeOK ==
    /\ Len(q) \in 0..Cap
    /\ closed \in BOOLEAN /\ stopped \in BOOLEAN
    /\ phase \in {"producing", "draining", "joined"}
    /\ pc \in [Workers -> {"run", "done"}]
    /\ sent \in [Producers -> 0..Items]
    /\ nIn \in Nat

\* Produced = consumed + left, in order, nothing lost or duplicated.
Conservation ==
    /\ Len(consumed) + Len(q) = nIn
    /\ \A i \in 1..Len(consumed) : consumed[i] = i
    /\ \A i \in 1..Len(q) : q[i] = Len(consumed) + i

\* The queue is closed only after every producer returned (so no producer
\* ever sees ErrClosed and no item is refused), and the Group is joined
\* only when every goroutine has returned and nothing is left.
ShutdownOrder ==
    /\ closed => (\A p \in Producers : pc[p] = "done")
    /\ (phase = "joined") => ((\A w \in Workers : pc[w] = "done") /\ q = <<>>)

\* Liveness: the Group always ends joined, with left = 0.
Termination == <>(phase = "joined")
AllConsumed == <>[](Len(consumed) = nIn)

=============================================================================
