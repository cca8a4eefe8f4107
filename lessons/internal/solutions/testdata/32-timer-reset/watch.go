// Package exercise is lesson 32's exercise: a watchdog that re-arms its
// timer with the drain idiom from before Go 1.23.
package exercise

import "time"

// Watch calls onQuiet once pings has been quiet for d since the last ping
// (or since the start); each ping re-arms it. It returns when pings is
// closed.
func Watch(pings <-chan struct{}, d time.Duration, onQuiet func()) {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case _, ok := <-pings:
			if !ok {
				return
			}
			t.Reset(d) // Go 1.23+: no stale value can be received after Reset
		case <-t.C:
			onQuiet()
		}
	}
}
