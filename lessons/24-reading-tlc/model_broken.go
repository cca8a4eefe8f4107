//go:build broken

package readingtlc

// Model is the model TestModelCheck checks, a row of tla/models.json.
//
// BROKEN: QueueLostWakeup is the queue whose wait loop checks its context
// before its predicate (CtxFirst in tla/Queue.tla):
//
//	for {
//		if err := ctx.Err(); err != nil {
//			return err // a woken waiter whose ctx has ended leaves here
//		}
//		if q.items.len() > 0 || q.closed {
//			break
//		}
//		q.popWaiters++
//		q.wait(ctx, &q.notEmpty)
//		q.popWaiters--
//	}
//
// A consumer that a Push's Signal woke, and whose context ends once it has
// re-acquired mu, returns ctx.Err() and takes that wake-up with it: the item
// stays queued while another consumer sleeps. TLC finds it as a violation of
// the invariant NoLostWakeup.
const Model = "QueueLostWakeup"
