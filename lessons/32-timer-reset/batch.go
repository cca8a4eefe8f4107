//go:build !broken

// Package timerreset is lesson 32: re-arming a time.Timer. The drain idiom
// from before Go 1.23, `if !t.Stop() { <-t.C }`, waits for ever once the
// timer's value has been received elsewhere; synctest reports the
// deadlock. Since Go 1.23 (this module is go 1.25), Reset alone is right:
// no stale value can be received after it.
package timerreset

import "time"

// Batch gathers the strings read from in and calls flush with them once in
// has been quiet for idle; it returns when in is closed, flushing what is
// left.
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
			t.Reset(idle) // Go 1.23+: no stale value can be received after Reset
		case <-t.C:
			if len(batch) > 0 {
				flush(batch)
				batch = nil
			}
		}
	}
}
