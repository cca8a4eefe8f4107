----------------------------- MODULE TwoQueues -----------------------------
\* Lock-order inversion between two queues (AB-BA deadlock).  Two
\* goroutines each move one item between queues A and B while holding
\* both queues' mutexes: g1 moves A -> B, g2 moves B -> A.  This is the
\* lock-order lesson's transfer function, not part of package queue: a
\* queue's methods take only their own mu (queue.(*Queue).Push and
\* queue.(*Queue).Pop never hold two locks).
\* Ordered = FALSE: each locks its source, then its destination (the bug).
\* Ordered = TRUE: each locks the two in one global order (A before B).
EXTENDS Naturals

CONSTANTS Ordered, NoOne

Queues == {"A", "B"}
G == {"g1", "g2"}
Src(g) == IF g = "g1" THEN "A" ELSE "B"
Dst(g) == IF g = "g1" THEN "B" ELSE "A"
First(g) == IF Ordered THEN "A" ELSE Src(g)
Second(g) == IF Ordered THEN "B" ELSE Dst(g)

VARIABLES
    holder,  \* holder[x]: the goroutine holding queue x's mu, or NoOne
    pc,      \* pc[g]: "lock1", "lock2", "move", "done"
    len      \* len[x]: items in queue x

vars == <<holder, pc, len>>

Init ==
    /\ holder = [x \in Queues |-> NoOne]
    /\ pc = [g \in G |-> "lock1"]
    /\ len = [x \in Queues |-> 1]

\* Go: the transfer's first x.mu.Lock().
Lock1(g) ==
    /\ pc[g] = "lock1" /\ holder[First(g)] = NoOne
    /\ holder' = [holder EXCEPT ![First(g)] = g]
    /\ pc' = [pc EXCEPT ![g] = "lock2"]
    /\ UNCHANGED len

\* Go: the transfer's second y.mu.Lock(), while holding the first.
Lock2(g) ==
    /\ pc[g] = "lock2" /\ holder[Second(g)] = NoOne
    /\ holder' = [holder EXCEPT ![Second(g)] = g]
    /\ pc' = [pc EXCEPT ![g] = "move"]
    /\ UNCHANGED len

\* Go: move one item from source to destination, then both Unlocks.
Move(g) ==
    /\ pc[g] = "move"
    /\ len' = IF len[Src(g)] > 0
                THEN [len EXCEPT ![Src(g)] = @ - 1, ![Dst(g)] = @ + 1]
                ELSE len
    /\ holder' = [x \in Queues |-> NoOne]
    /\ pc' = [pc EXCEPT ![g] = "done"]

Finished == (\A g \in G : pc[g] = "done") /\ UNCHANGED vars

Next == (\E g \in G : Lock1(g) \/ Lock2(g) \/ Move(g)) \/ Finished

Spec == Init /\ [][Next]_vars /\ \A g \in G : WF_vars(Lock1(g) \/ Lock2(g) \/ Move(g))

TypeOK ==
    /\ holder \in [Queues -> G \cup {NoOne}]
    /\ pc \in [G -> {"lock1", "lock2", "move", "done"}]
    /\ len \in [Queues -> 0..2]

\* The two moves keep the total.
Conservation == len["A"] + len["B"] = 2

Termination == <>(\A g \in G : pc[g] = "done")

=============================================================================
