//go:build !broken

// Package readingtlc is lesson 24: reading a TLC counterexample. Its test
// model-checks the TLA+ model of pckit's queue (tla/Queue.tla) with TLC, or
// with the offline checker where no TLC jar is found. The broken build
// checks the variant whose wait loop looks at its context before its
// predicate, and fails with the checker's counterexample trace; the lesson's
// README walks that trace state by state beside queue/queue.go.
package readingtlc

// Model is the model TestModelCheck checks, a row of tla/models.json: the
// queue as built, whose wait loop checks its predicate first:
//
//	for q.items.len() == 0 && !q.closed {
//		if err := ctx.Err(); err != nil {
//			return err
//		}
//		q.popWaiters++
//		q.wait(ctx, &q.notEmpty)
//		q.popWaiters--
//	}
const Model = "QueueSmall"
