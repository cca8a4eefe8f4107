package main

import "testing"

// TestAsleep is main's deadlock inside a test binary.
func TestAsleep(t *testing.T) { main() }
