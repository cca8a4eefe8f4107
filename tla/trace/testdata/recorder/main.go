// Command recorder runs the named scenarios of package trace and prints
// their logs as a JSON array. The seeded-bug test builds it against a
// mutated copy of queue/queue.go (go build -overlay) and checks the logs.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/pckit/pckit/tla/trace"
)

func main() {
	var logs []trace.Log
	for _, name := range os.Args[1:] {
		run, ok := trace.Scenarios[name]
		if !ok {
			fmt.Fprintf(os.Stderr, "recorder: no scenario %q\n", name)
			os.Exit(2)
		}
		log, err := run()
		if err != nil {
			fmt.Fprintln(os.Stderr, "recorder:", err)
			os.Exit(1)
		}
		logs = append(logs, log)
	}
	if err := json.NewEncoder(os.Stdout).Encode(logs); err != nil {
		fmt.Fprintln(os.Stderr, "recorder:", err)
		os.Exit(1)
	}
}
