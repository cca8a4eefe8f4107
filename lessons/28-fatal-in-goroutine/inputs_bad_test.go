//go:build badinput

package fatalgoroutine

// inputs are the quantities TestParseAll parses; "x" is not one.
func inputs() []string { return []string{"1", "x", "3"} }
