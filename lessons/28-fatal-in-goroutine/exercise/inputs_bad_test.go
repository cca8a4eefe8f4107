//go:build exercise && badinput

package exercise

// inputs are what TestSquares squares; "two" is not a number.
func inputs() []string { return []string{"1", "two", "3"} }
