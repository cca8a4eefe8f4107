module github.com/pckit/pckit

go 1.25

require (
	github.com/anishathalye/porcupine v1.3.1
	github.com/leanovate/gopter v0.2.11
	go.uber.org/goleak v1.3.0
)
