//go:build exercise

// Package exercise is lesson 28's exercise: its test calls t.Fatalf from
// goroutines it starts. All its files build only with the tag exercise, so
// that `go vet ./...` does not flag the untouched test.
package exercise

import "strconv"

// Square parses s as a decimal integer and returns its square.
func Square(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	return n * n, nil
}
