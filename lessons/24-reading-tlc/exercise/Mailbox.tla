------------------------------ MODULE Mailbox ------------------------------
\* Lesson 24's exercise. Consumers park on one condition variable of a
\* mailbox until an owner closes it; Close must wake every parked consumer,
\* and each then leaves.  waitq is the condition's notify list, oldest
\* first, as in tla/Queue.tla.
EXTENDS Naturals, Sequences

CONSTANTS
    Consumers,     \* set of consumer goroutines (model values)
    CloseSignals   \* TRUE: Close calls Signal (the broken variant)

VARIABLES
    pc,       \* pc[c]: "idle", "wait" (parked), "woken" or "done"
    waitq,    \* the notify list of the mailbox's condition
    closed

vars == <<pc, waitq, closed>>

InList(c) == \E i \in 1..Len(waitq) : waitq[i] = c

Init ==
    /\ pc = [c \in Consumers |-> "idle"]
    /\ waitq = <<>>
    /\ closed = FALSE

\* A consumer finds the mailbox open and parks: cond.Wait().
Park(c) ==
    /\ pc[c] = "idle"
    /\ ~closed
    /\ pc' = [pc EXCEPT ![c] = "wait"]
    /\ waitq' = Append(waitq, c)
    /\ UNCHANGED closed

\* A running consumer finds the mailbox closed and returns.
Leave(c) ==
    /\ pc[c] \in {"idle", "woken"}
    /\ closed
    /\ pc' = [pc EXCEPT ![c] = "done"]
    /\ UNCHANGED <<waitq, closed>>

\* The owner closes the mailbox and wakes the parked consumers.
Close ==
    /\ ~closed
    /\ closed' = TRUE
    /\ IF CloseSignals
         THEN \* Signal: wake the longest waiter only
              IF waitq = <<>>
                THEN UNCHANGED <<pc, waitq>>
                ELSE /\ pc' = [pc EXCEPT ![Head(waitq)] = "woken"]
                     /\ waitq' = Tail(waitq)
         ELSE \* Broadcast: YOUR TURN. This wakes nobody.
              UNCHANGED <<pc, waitq>>

\* Everyone has returned: stutter, so that the deadlock check flags only
\* states stuck before the end.
Finished ==
    /\ \A c \in Consumers : pc[c] = "done"
    /\ UNCHANGED vars

Next == Close \/ Finished \/ \E c \in Consumers : Park(c) \/ Leave(c)

Spec == Init /\ [][Next]_vars

\* Parked exactly when on the notify list.
TypeOK == \A c \in Consumers : (pc[c] = "wait") <=> InList(c)
=============================================================================
