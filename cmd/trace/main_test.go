package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestRun writes a trace page and a play page of the smallest models, with
// the flags after the model as the lessons print them, and refuses a
// model that holds without -play. Needs `npm ci --prefix tla`.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want []string // in the page's data
	}{
		{[]string{"tla/TwoQueuesABBA.cfg", "-checker", "offline", "-html", filepath.Join(dir, "t.html")},
			[]string{`"mode":"trace"`, `"name":"TwoQueuesABBA"`, `"action":"Lock1","actor":"g1"`, `"verdict":"deadlock"`}},
		{[]string{"-play", "tla/TwoQueues.cfg", "-html", filepath.Join(dir, "p.html")},
			[]string{`"mode":"play"`, `"name":"TwoQueues"`, `"action":"Lock1","actor":"g2"`}},
	} {
		var out bytes.Buffer
		if err := run(t.Context(), c.args, &out); err != nil {
			t.Fatalf("%q: %v", c.args, err)
		}
		file := c.args[len(c.args)-1]
		if !strings.Contains(out.String(), "wrote "+file) {
			t.Errorf("%q printed %q", c.args, out.String())
		}
		page, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !bytes.Contains(page, []byte(w)) {
				t.Errorf("%q: the page lacks %s", c.args, w)
			}
		}
	}
	if err := run(t.Context(), []string{"tla/TwoQueues.cfg", "-html", filepath.Join(dir, "x.html")}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "holds") {
		t.Errorf("a trace page of a model that holds: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.html")); err == nil {
		t.Error("a failed run left its file")
	}
}
