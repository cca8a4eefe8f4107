//go:build !broken

package lostwakeup

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
)

// TestEachDefectAlone puts each of the three defects, alone, into a copy
// of queue_fixed.go (applied with go test -overlay; the folder is not
// touched) and runs the three wake-up tests on it: exactly the test that
// the README names for that defect must fail. So each defect loses a
// wake-up by itself, in Go as in the model: the order of the two checks
// alone loses the item's wake-up even though the context callback
// Broadcasts.
func TestEachDefectAlone(t *testing.T) {
	fixed, err := os.ReadFile("queue_fixed.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []struct {
		name, test string
		from, to   []string // replacements in queue_fixed.go
	}{
		{"Close Signals", "TestCloseWakesAllPoppers",
			[]string{"q.closed = true\n\tq.notEmpty.Broadcast()"},
			[]string{"q.closed = true\n\tq.notEmpty.Signal()"}},
		{"the callback Signals", "TestCancelWakesItsWaiter",
			[]string{"defer q.mu.Unlock()\n\t\tq.notEmpty.Broadcast()"},
			[]string{"defer q.mu.Unlock()\n\t\tq.notEmpty.Signal()"}},
		{"the context before the predicate", "TestWokenWaiterTakesItem",
			[]string{"for len(q.items) == 0 && !q.closed {", "\t\tq.wait(ctx)\n"},
			[]string{"for {", "\t\tif len(q.items) > 0 || q.closed {\n\t\t\tbreak\n\t\t}\n\t\tq.wait(ctx)\n"}},
	} {
		t.Run(d.test, func(t *testing.T) {
			t.Parallel()
			src := string(fixed)
			for i, from := range d.from {
				if strings.Count(src, from) != 1 {
					t.Fatalf("queue_fixed.go: want exactly one %q to put the defect %q in", from, d.name)
				}
				src = strings.Replace(src, from, d.to[i], 1)
			}
			out, code := goTestWith(t, src)
			failed := regexp.MustCompile(`--- FAIL: (\w+)`).FindAllStringSubmatch(out, -1)
			var names []string
			for _, f := range failed {
				names = append(names, f[1])
			}
			if code == 0 || !slices.Equal(names, []string{d.test}) {
				t.Fatalf("with only %q, want exactly %s to fail, got %v (exit %d):\n%s", d.name, d.test, names, code, out)
			}
			lessontest.Expect(t, out, `lost wake-up`)
		})
	}
}

// goTestWith runs the three wake-up tests with queue_fixed.go replaced by
// src, through an overlay.
func goTestWith(t *testing.T, src string) (string, int) {
	t.Helper()
	dir := t.TempDir()
	abs, err := filepath.Abs("queue_fixed.go")
	if err != nil {
		t.Fatal(err)
	}
	mutant := filepath.Join(dir, "queue_fixed.go")
	overlay := filepath.Join(dir, "overlay.json")
	data, err := json.Marshal(map[string]map[string]string{"Replace": {abs: mutant}})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mutant, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(overlay, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return lessontest.Run(t, "go", "test", "-overlay", overlay,
		"-run", "^(TestCloseWakesAllPoppers|TestCancelWakesItsWaiter|TestWokenWaiterTakesItem)$", ".")
}
