package exercise

// Less reports whether a is served before b: it is the less of
// queue.NewPriority. It orders by priority with aging: a job's key is its
// priority counted in arrivals plus its arrival number, so a waiting job
// ages into first place.
func Less(a, b Job) bool { return key(a) < key(b) }

func key(j Job) uint64 { return uint64(j.Prio)*Aging + j.Seq }
