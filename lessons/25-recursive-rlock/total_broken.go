//go:build broken

package recursiverlock

// Price returns the price of name.
func (c *Catalog) Price(name string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.prices[name]
}

// Total returns the sum of the prices of names, read at one moment.
//
// BROKEN: it calls Price while it holds the read lock, so it takes the read
// lock a second time. Once a writer waits in Lock, a new RLock waits behind
// it (so that writers are not starved), and the writer waits for the read
// lock Total already holds: a deadlock.
func (c *Catalog) Total(names ...string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.pause()
	sum := 0
	for _, name := range names {
		sum += c.Price(name) // RLock again
	}
	return sum
}
