//go:build broken

package timerreset

import "time"

// Batch gathers the strings read from in and calls flush with them once in
// has been quiet for idle; it returns when in is closed, flushing what is
// left.
//
// BROKEN: it re-arms the timer with the drain idiom written for Go before
// 1.23, `if !t.Stop() { <-t.C }`. Once the timer has fired and its value
// was received by the select, Stop reports false and `<-t.C` waits for a
// second value that never comes.
func Batch(in <-chan string, idle time.Duration, flush func([]string)) {
	t := time.NewTimer(idle)
	defer t.Stop()
	var batch []string
	for {
		select {
		case v, ok := <-in:
			if !ok {
				if len(batch) > 0 {
					flush(batch)
				}
				return
			}
			batch = append(batch, v)
			if !t.Stop() {
				<-t.C // drain: but the value was taken already
			}
			t.Reset(idle)
		case <-t.C:
			if len(batch) > 0 {
				flush(batch)
				batch = nil
			}
		}
	}
}
