------------------------------ MODULE Counter ------------------------------
\* Lesson 23's tiny spec: goroutines each add 1 to a shared counter, as
\* lesson 01's Counter.Inc does.  With Atomic = FALSE the increment
\* `c.n++` is what it compiles to, two steps (a load, then a store), so
\* another goroutine can run between them; with Atomic = TRUE it is one
\* step, as under a mutex (Go: mu.Lock(); c.n++; mu.Unlock()).
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Procs,     \* the goroutines (model values)
    Atomic     \* TRUE: the load and the store are one step

ASSUME Procs # {} /\ Atomic \in BOOLEAN

VARIABLES
    n,         \* the shared counter
    pc,        \* pc[p]: where goroutine p is: "load", "store" or "done"
    tmp,       \* tmp[p]: the value p loaded (a register)
    log        \* the steps so far, oldest first: [who |-> p, saw |-> v]

vars == <<n, pc, tmp, log>>

Init ==
    /\ n = 0
    /\ pc = [p \in Procs |-> "load"]
    /\ tmp = [p \in Procs |-> 0]
    /\ log = <<>>

\* Go: the load of c.n in `c.n++`, the first half of Counter.Inc in
\* lessons/01-race-conditions/counter_broken.go; with Atomic, all of Inc
\* in counter.go (Lock, c.n++, the deferred Unlock).
Load(p) ==
    /\ pc[p] = "load"
    /\ IF Atomic
         THEN /\ n' = n + 1
              /\ pc' = [pc EXCEPT ![p] = "done"]
              /\ UNCHANGED tmp
         ELSE /\ tmp' = [tmp EXCEPT ![p] = n]
              /\ pc' = [pc EXCEPT ![p] = "store"]
              /\ UNCHANGED n
    /\ log' = Append(log, [who |-> p, saw |-> n])

\* Go: the store of c.n + 1 in `c.n++`, the second half of the broken Inc.
Store(p) ==
    /\ pc[p] = "store"
    /\ LET next == tmp[p] + 1 IN n' = next
    /\ pc' = [pc EXCEPT ![p] = "done"]
    /\ UNCHANGED <<tmp, log>>

Done == \A p \in Procs : pc[p] = "done"

\* Once every goroutine is done, the system stays as it is (a final state,
\* not a deadlock).
Finished == Done /\ UNCHANGED vars

Next == (\E p \in Procs : Load(p) \/ Store(p)) \/ Finished

Spec == Init /\ [][Next]_vars /\ \A p \in Procs : WF_vars(Load(p) \/ Store(p))

TypeOK ==
    /\ n \in 0..Cardinality(Procs)
    /\ pc \in [Procs -> {"load", "store", "done"}]
    /\ tmp \in [Procs -> Nat]
    /\ \A i \in 1..Len(log) : log[i].who \in Procs

\* Every increment counts: once all are done, n is the number of goroutines.
AllCounted == Done => n = Cardinality(Procs)

\* Every goroutine finishes (liveness, under weak fairness).
Finishes == (n = 0) ~> Done
=============================================================================
