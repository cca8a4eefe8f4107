//go:build !badinput

package fatalgoroutine

// inputs are the quantities TestParseAll parses, all valid. The tag
// badinput swaps in inputs_bad_test.go's, one of which is not.
func inputs() []string { return []string{"1", "2", "3"} }
