// Package waitforever is lesson 26: a sync.WaitGroup whose Wait never
// returns, because one path out of a goroutine skips its Done. synctest
// reports the bubble deadlocked with the goroutine parked in
// WaitGroup.Wait. The fix: defer wg.Done() first thing (or let wg.Go call
// Done), so every return path counts.
package waitforever

import "sync"

// errorList collects errors from several goroutines.
type errorList struct {
	mu   sync.Mutex
	errs []error
}

func (l *errorList) add(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.errs = append(l.errs, err)
}

func (l *errorList) all() []error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.errs
}
