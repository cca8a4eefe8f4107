package main

import (
	"bytes"
	"errors"
	"flag"
	"strings"
	"testing"
)

// FuzzParseFlags feeds parseFlags any command line (the input split at
// spaces): it must give either a clear error, written to stderr, or a
// config the demo can run, and write nothing then. Fuzz it for longer with
//
//	go test -run '^$' -fuzz '^FuzzParseFlags$' -fuzztime 10m ./cmd/demo/
func FuzzParseFlags(f *testing.F) {
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Fields(line)
		var stderr bytes.Buffer
		c, err := parseFlags(args, &stderr)
		msg := stderr.String()
		switch {
		case errors.Is(err, flag.ErrHelp):
			if !strings.Contains(msg, "Usage: demo [flags]") {
				t.Fatalf("%q: -h printed no usage:\n%s", args, msg)
			}
		case err != nil:
			// The flag package's own messages, or ours; both end with a
			// pointer to the help.
			if !strings.Contains(msg, "demo -h") && !strings.Contains(msg, "Usage: demo") {
				t.Fatalf("%q: error %v with no clear message:\n%s", args, err, msg)
			}
		default:
			if msg != "" {
				t.Fatalf("%q: a valid config, yet stderr says:\n%s", args, msg)
			}
			if c.Capacity < 1 || c.Producers < 1 || c.Producers > maxWorkers || c.Consumers < 1 || c.Consumers > maxWorkers ||
				c.Duration <= 0 || c.ProduceDelay < 0 || c.ConsumeDelay < 0 || (c.CheckHTML != "" && !c.Check) {
				t.Fatalf("%q: parseFlags accepted an invalid config %+v", args, c)
			}
		}
	})
}
