package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunWritesAValidatedLogsPage: -run records a run of the Go code,
// validates it and writes the page of the model's behaviour it is, step by
// step with the model's actions.
func TestRunWritesAValidatedLogsPage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "run.html")
	var stdout bytes.Buffer
	if err := run(t.Context(), []string{"-run", "pop-wakes-pusher", "-html", out}, &stdout); err != nil {
		t.Fatal(err)
	}
	html, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"name":"pop-wakes-pusher"`, "validating a log of the Go code",
		`"action":"Lock"`, `"action":"Relock"`, `"action":"Pop"`, `"action":"Close"`} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("the page has no %s", want)
		}
	}
	if !strings.Contains(stdout.String(), "wrote "+out) {
		t.Errorf("stdout: %q", stdout.String())
	}
	if err := run(t.Context(), []string{"-run", "queue-x"}, &stdout); err == nil || !strings.Contains(err.Error(), "no run") {
		t.Errorf("-run queue-x: %v, want no run", err)
	}
}
