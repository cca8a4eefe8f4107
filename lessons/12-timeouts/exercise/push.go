package exercise

import "context"

// Push adds v at the tail, waiting while the queue is full. It returns
// ctx.Err() if ctx ends while it waits; v is then not queued.
//
// It looks at ctx only before each Wait, as the lesson's broken Pop does:
// once it waits, its deadline passes unnoticed.
func (q *Queue) Push(ctx context.Context, v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) >= q.cap {
		if err := ctx.Err(); err != nil {
			return err
		}
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
	return nil
}
