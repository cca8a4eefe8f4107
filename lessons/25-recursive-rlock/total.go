//go:build !broken

package recursiverlock

// Price returns the price of name.
func (c *Catalog) Price(name string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.price(name)
}

// Total returns the sum of the prices of names, read at one moment.
func (c *Catalog) Total(names ...string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.pause()
	return c.total(names) // c.mu is held: the unlocked helpers
}

// price is Price for a caller that holds c.mu (read or write).
func (c *Catalog) price(name string) int { return c.prices[name] }

// total is Total for a caller that holds c.mu.
func (c *Catalog) total(names []string) int {
	sum := 0
	for _, name := range names {
		sum += c.price(name)
	}
	return sum
}
