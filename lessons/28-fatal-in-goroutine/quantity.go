// Package fatalgoroutine is lesson 28: t.Fatal called from a goroutine the
// test started. FailNow ends only the goroutine that calls it, so the test
// goes on waiting for a result that goroutine will never send; go vet's
// testinggoroutine check flags the call. The fix: the goroutine hands its
// error to the test's goroutine, which calls t.Fatal.
package fatalgoroutine

import (
	"fmt"
	"strconv"
)

// ParseQuantity parses a count of items: a decimal integer, 0 or more.
func ParseQuantity(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, fmt.Errorf("quantity %d is negative", n)
	}
	return n, nil
}
