//go:build exercise

package exercise

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/queue"
	"go.uber.org/goleak"
)

var (
	//go:embed prediction.txt
	prediction string
	//go:embed pipeline.go
	pipeline string
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestCheck runs the pipeline, then checks that the queue's item type is no
// longer any, and asks the compiler what it says of a string pushed onto
// it: the type it names is the prediction.
func TestCheck(t *testing.T) {
	q, err := NewDurations(8)
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{"build 1m30s", "test 45s", "deploy 2m"}
	produced := make(chan error, 1) // the producer's result; it ends once it has sent it
	go func() {
		defer q.Close()
		produced <- Produce(t.Context(), q, lines)
	}()
	total, cerr := totalRecovered(t, q)
	if perr := <-produced; perr != nil || cerr != nil {
		t.Fatalf("Produce: %v; Total: %v", perr, cerr)
	}
	if want := 4*time.Minute + 15*time.Second; total != want {
		t.Fatalf("Total = %v, want %v", total, want)
	}
	if reflect.TypeFor[*Durations]() == reflect.TypeFor[*queue.Queue[any]]() {
		t.Fatal("the pipeline works, but Durations is still a queue.Queue[any]: the compiler would still let a producer push a string onto it. Give it one item type.")
	}
	out, code := compileWithWrongPush(t)
	if code == 0 {
		t.Fatalf("the compiler accepted a string pushed onto Durations:\n%s", out)
	}
	m := regexp.MustCompile(`cannot use s \(variable of type string\) as (\S+) value in argument to q\.Push`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the compiler refused the string push, but not as expected:\n%s", out)
	}
	t.Logf("the compiler: %s", m[0])
	lessontest.ExpectAnswers(t, prediction, m[1])
}

// totalRecovered calls Total and turns a panic into a test failure that
// says what it means.
func totalRecovered(t *testing.T, q *Durations) (total time.Duration, err error) {
	defer func() {
		if r := recover(); r != nil {
			for range q.Len() + 8 { // drain, so that the producer can finish
				if _, err := q.TryPop(); err != nil {
					break
				}
			}
			t.Fatalf("Total panicked: %v. The queue accepted an item of the wrong type, and only the consumer found out, at run time", r)
		}
	}()
	return Total(t.Context(), q)
}

// compileWithWrongPush builds this package with one more file, through an
// overlay, that pushes a string onto a Durations queue, and returns the
// compiler's output. The package's pipeline.go is the one this check was
// built with (it may itself come from an overlay).
func compileWithWrongPush(t *testing.T) (string, int) {
	dir := t.TempDir()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	wrong := fmt.Sprintf("package exercise\n\nimport %q\n\nfunc pushString(q *Durations) error {\n\ts := %q\n\treturn q.Push(context.Background(), s)\n}\n", "context", "1m30s")
	replace := map[string]string{}
	for name, text := range map[string]string{"pipeline.go": pipeline, "zz_wrong.go": wrong} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		replace[filepath.Join(wd, name)] = path
	}
	data, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		t.Fatal(err)
	}
	overlay := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(overlay, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return lessontest.Run(t, "go", "build", "-overlay", overlay, "-o", os.DevNull, ".")
}
