------------------------------- MODULE Slots -------------------------------
\* Lesson 23's exercise: goroutines take a slot from a pool of Cap slots,
\* as this Go does:
\*
\*     if p.used < p.cap { // Check
\*         p.used++        // Take
\*     }
\*
\* Each step below is one action: another goroutine may run between them.
EXTENDS Naturals

CONSTANTS Procs, Cap

ASSUME Cap \in Nat

VARIABLES used, pc

vars == <<used, pc>>

Init ==
    /\ used = 0
    /\ pc = [p \in Procs |-> "check"]

\* Go: the `if p.used < p.cap` test.
Check(p) ==
    /\ pc[p] = "check"
    /\ pc' = [pc EXCEPT ![p] = IF used < Cap THEN "take" ELSE "done"]
    /\ UNCHANGED used

\* Go: the `p.used++`.
Take(p) ==
    /\ pc[p] = "take"
    /\ used' = used + 1
    /\ pc' = [pc EXCEPT ![p] = "done"]

Finished == (\A p \in Procs : pc[p] = "done") /\ UNCHANGED vars

Next == (\E p \in Procs : Check(p) \/ Take(p)) \/ Finished

Spec == Init /\ [][Next]_vars

\* Never more slots in use than there are.
NeverOver == used <= Cap
=============================================================================
