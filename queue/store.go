package queue

// store holds the queued items: a ring buffer in FIFO order, or, when less
// is set, a binary min-heap ordered by less and then by arrival. Its methods
// are called with the queue's mutex held.
type store[T any] struct {
	less func(a, b T) bool

	// FIFO: ring[head], ring[head+1], ... wrapping, n items. The ring
	// grows with the items held, never with the queue's capacity, so a
	// queue of capacity 1<<40 holding ten items holds memory for ten.
	ring    []T
	head, n int

	// Priority: heap of items tagged with their arrival number.
	heap []entry[T]
	seq  uint64
}

type entry[T any] struct {
	v   T
	seq uint64
}

// minRoom is the room a store starts with, and never shrinks below.
const minRoom = 8

func (s *store[T]) init(capacity int, less func(a, b T) bool) {
	s.less = less
	if less == nil {
		s.ring = make([]T, min(capacity, minRoom))
	} else {
		s.heap = make([]entry[T], 0, min(capacity, minRoom))
	}
}

// check panics if less says v comes before itself: the order is not strict.
func (s *store[T]) check(v T) {
	if s.less != nil && s.less(v, v) {
		panic(panicNotStrict)
	}
}

func (s *store[T]) len() int {
	if s.less != nil {
		return len(s.heap)
	}
	return s.n
}

// fit gives back memory beyond what capacity items need, never moving an
// item out of order nor dropping one: it keeps room for the items held.
func (s *store[T]) fit(capacity int) {
	room := max(capacity, s.len(), minRoom)
	if s.less != nil {
		if cap(s.heap) > room {
			s.heap = append(make([]entry[T], 0, room), s.heap...)
		}
		return
	}
	if len(s.ring) > room {
		s.move(room)
	}
}

// move copies the ring's items, in order, to a new ring of size room >= n.
func (s *store[T]) move(room int) {
	ring := make([]T, room)
	for i := range s.n {
		ring[i] = s.ring[(s.head+i)%len(s.ring)]
	}
	s.ring, s.head = ring, 0
}

func (s *store[T]) push(v T) {
	if s.less != nil {
		s.heap = append(s.heap, entry[T]{v, s.seq})
		s.seq++
		s.up(len(s.heap) - 1)
		return
	}
	if s.n == len(s.ring) {
		s.move(2 * len(s.ring)) // as append grows a slice
	}
	i := s.head + s.n
	if i >= len(s.ring) {
		i -= len(s.ring)
	}
	s.ring[i] = v
	s.n++
}

func (s *store[T]) pop() T {
	var zero T
	if s.less != nil {
		h := s.heap
		v := h[0].v
		last := len(h) - 1
		h[0] = h[last]
		h[last] = entry[T]{} // let the garbage collector have the item
		s.heap = h[:last]
		s.down(0)
		return v
	}
	v := s.ring[s.head]
	s.ring[s.head] = zero // let the garbage collector have the item
	s.head++
	if s.head == len(s.ring) {
		s.head = 0
	}
	s.n--
	return v
}

// before orders the heap: by less, then first come first served.
func (s *store[T]) before(i, j int) bool {
	a, b := s.heap[i], s.heap[j]
	if s.less(a.v, b.v) {
		return true
	}
	if s.less(b.v, a.v) {
		return false
	}
	return a.seq < b.seq
}

func (s *store[T]) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !s.before(i, parent) {
			return
		}
		s.heap[i], s.heap[parent] = s.heap[parent], s.heap[i]
		i = parent
	}
}

func (s *store[T]) down(i int) {
	for {
		least, l, r := i, 2*i+1, 2*i+2
		if l < len(s.heap) && s.before(l, least) {
			least = l
		}
		if r < len(s.heap) && s.before(r, least) {
			least = r
		}
		if least == i {
			return
		}
		s.heap[i], s.heap[least] = s.heap[least], s.heap[i]
		i = least
	}
}
