------------------------------ MODULE OneCond ------------------------------
\* The classic pitfall in its smallest form: a bounded queue with ONE
\* sync.Cond for both "not full" and "not empty", woken with Signal.
\* Producers and consumers loop for ever (no Close, no contexts); only the
\* count of items matters.  The code is pckit's Push and Pop with both
\* conds made one (queue.(*Queue).Push / queue.(*Queue).Pop / queue.(*Queue).wait,
\* see Queue.tla for the full model):
\*   Push: lock; for len == cap { pushWaiters++; cond.Wait(); pushWaiters-- }
\*         len++; if popWaiters > 0 { cond.Signal() }; unlock
\*   Pop:  lock; for len == 0 { popWaiters++; cond.Wait(); popWaiters-- }
\*         len--; if pushWaiters > 0 { cond.Signal() }; unlock
\* Fifo = TRUE is Go's Signal (wakes the longest waiter); FALSE wakes any
\* waiter, as Java's notify() and the classic BlockingQueue tutorial.
\* A deadlock is every goroutine parked on the cond.
EXTENDS Naturals, Sequences

CONSTANTS Producers, Consumers, Cap, Fifo, NoOne

Procs == Producers \cup Consumers

VARIABLES mu, pc, waitq, count, pushWaiters, popWaiters
vars == <<mu, pc, waitq, count, pushWaiters, popWaiters>>

Init ==
    /\ mu = NoOne
    /\ pc = [p \in Procs |-> "idle"]
    /\ waitq = <<>>
    /\ count = 0
    /\ pushWaiters = 0
    /\ popWaiters = 0

\* Go: mu.Lock() at the top of Push/Pop.
Lock(p) ==
    /\ pc[p] = "idle" /\ mu = NoOne
    /\ mu' = p /\ pc' = [pc EXCEPT ![p] = "cs"]
    /\ UNCHANGED <<waitq, count, pushWaiters, popWaiters>>

\* Go: the end of cond.Wait() in queue.(*Queue).wait: re-acquire mu, then
\* pushWaiters-- / popWaiters-- in Push/Pop.
Relock(p) ==
    /\ pc[p] = "woken" /\ mu = NoOne
    /\ mu' = p /\ pc' = [pc EXCEPT ![p] = "cs"]
    /\ IF p \in Producers
         THEN pushWaiters' = pushWaiters - 1 /\ UNCHANGED popWaiters
         ELSE popWaiters' = popWaiters - 1 /\ UNCHANGED pushWaiters
    /\ UNCHANGED <<waitq, count>>

\* Go: pushWaiters++ / popWaiters++; cond.Wait() (joins the notify list,
\* unlocks mu).
Park(p) ==
    /\ mu' = NoOne
    /\ pc' = [pc EXCEPT ![p] = "wait"]
    /\ waitq' = Append(waitq, p)
    /\ IF p \in Producers
         THEN pushWaiters' = pushWaiters + 1 /\ UNCHANGED popWaiters
         ELSE popWaiters' = popWaiters + 1 /\ UNCHANGED pushWaiters
    /\ UNCHANGED count

\* Go: cond.Signal() then mu.Unlock(); p goes back to "idle" (loops).
\* The woken waiter is the oldest (Fifo) or any one.
SignalAndUnlock(p, guard) ==
    /\ mu' = NoOne
    /\ IF guard /\ waitq # <<>>
         THEN \E i \in IF Fifo THEN {1} ELSE 1..Len(waitq) :
                /\ pc' = [pc EXCEPT ![p] = "idle", ![waitq[i]] = "woken"]
                /\ waitq' = SubSeq(waitq, 1, i - 1) \o SubSeq(waitq, i + 1, Len(waitq))
         ELSE /\ pc' = [pc EXCEPT ![p] = "idle"]
              /\ UNCHANGED waitq
    /\ UNCHANGED <<pushWaiters, popWaiters>>

\* Go: queue.(*Queue).Push from the top of its loop.
Push(p) ==
    /\ p \in Producers /\ pc[p] = "cs"
    /\ IF count = Cap
         THEN Park(p)
         ELSE count' = count + 1 /\ SignalAndUnlock(p, popWaiters > 0)

\* Go: queue.(*Queue).Pop from the top of its loop.
Pop(p) ==
    /\ p \in Consumers /\ pc[p] = "cs"
    /\ IF count = 0
         THEN Park(p)
         ELSE count' = count - 1 /\ SignalAndUnlock(p, pushWaiters > 0)

Next == \E p \in Procs : Lock(p) \/ Relock(p) \/ Push(p) \/ Pop(p)

Spec == Init /\ [][Next]_vars

TypeOK ==
    /\ mu \in Procs \cup {NoOne}
    /\ pc \in [Procs -> {"idle", "cs", "wait", "woken"}]
    /\ count \in 0..Cap
    /\ pushWaiters \in Nat /\ popWaiters \in Nat

=============================================================================
