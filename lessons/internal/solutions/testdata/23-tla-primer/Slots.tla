------------------------------- MODULE Slots -------------------------------
\* Lesson 23's exercise: goroutines take a slot from a pool of Cap slots,
\* as this Go does:
\*
\*     if p.used < p.cap { // Check
\*         p.used++        // Take
\*     }
\*
\* Under a mutex, the test and the increment are one action.
EXTENDS Naturals

CONSTANTS Procs, Cap

ASSUME Cap \in Nat

VARIABLES used, pc

vars == <<used, pc>>

Init ==
    /\ used = 0
    /\ pc = [p \in Procs |-> "check"]

\* Go: the test and the increment under one mutex, one step:
\*     p.mu.Lock(); if p.used < p.cap { p.used++ }; p.mu.Unlock()
CheckTake(p) ==
    /\ pc[p] = "check"
    /\ IF used < Cap THEN used' = used + 1 ELSE UNCHANGED used
    /\ pc' = [pc EXCEPT ![p] = "done"]

Finished == (\A p \in Procs : pc[p] = "done") /\ UNCHANGED vars

Next == (\E p \in Procs : CheckTake(p)) \/ Finished

Spec == Init /\ [][Next]_vars

\* Never more slots in use than there are.
NeverOver == used <= Cap
=============================================================================
