//go:build exercise && !badinput

package exercise

// inputs are what TestSquares squares; the tag badinput swaps in
// inputs_bad_test.go's.
func inputs() []string { return []string{"1", "2", "3"} }
