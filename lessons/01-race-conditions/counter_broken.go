//go:build broken

package races

// Counter counts events from many goroutines.
//
// BROKEN: n is read and written by several goroutines with nothing ordering
// those accesses: an increment can be lost, and the race detector says so.
type Counter struct {
	n int
}

// Inc adds one to the count.
func (c *Counter) Inc() { c.n++ }

// Value returns the count.
func (c *Counter) Value() int { return c.n }
