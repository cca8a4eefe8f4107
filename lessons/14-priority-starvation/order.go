//go:build !broken

package starvation

// before orders the tasks by priority with aging: a task's key is its
// priority, counted in arrivals, plus its arrival number, and the least key
// is served first. Tasks that arrive later have larger arrival numbers, so a
// waiting task's key falls behind none of them for long: it ages into first
// place.
func before(a, b Task) bool { return key(a) < key(b) }

func key(t Task) uint64 { return uint64(t.Prio)*Aging + t.seq }
