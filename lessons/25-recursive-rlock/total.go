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
	sum := 0
	for _, name := range names {
		sum += c.price(name) // c.mu is held: the unlocked helper
	}
	return sum
}

// price is Price for a caller that holds c.mu (read or write).
func (c *Catalog) price(name string) int { return c.prices[name] }
