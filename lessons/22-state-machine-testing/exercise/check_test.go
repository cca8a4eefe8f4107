//go:build exercise

package exercise

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"
	"github.com/leanovate/gopter/gen"
	"github.com/pckit/pckit/lessons/internal/lessontest"
)

//go:embed prediction.txt
var prediction string

// TestPrediction runs the lesson's broken build and counts the calls of the
// sequence gopter shrank its failure to.
func TestPrediction(t *testing.T) {
	out, _ := lessontest.Run(t, "go", "test", "-tags", "broken", "-run", "^TestQueueStateMachine$", "..")
	m := regexp.MustCompile(`ARG_0: .*sequential=\[(.*)\]`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the broken build reported no shrunk sequence:\n%s", out)
	}
	calls := regexp.MustCompile(`\w+\([^)]*\)`).FindAllString(m[1], -1)
	lessontest.ExpectAnswers(t, prediction, strconv.Itoa(len(calls)))
	t.Logf("gopter shrank it to %v", calls)
}

// model is what the contract says a Box of capacity 2 holds, and the
// response it expects from the call that led to it.
type model struct {
	items  []int
	closed bool
	want   string
}

func (m model) String() string { return fmt.Sprintf("%v closed=%t", m.items, m.closed) }

const capacity = 2

// call is one command: a method of Box, and what the contract says it does
// to the model and answers.
type call struct {
	name  string
	v     int
	run   func(b *Box, v int) string
	apply func(m model, v int) (model, string)
}

func (c call) Run(sut commands.SystemUnderTest) commands.Result { return c.run(sut.(*Box), c.v) }
func (c call) PreCondition(commands.State) bool                 { return true }

func (c call) NextState(s commands.State) commands.State {
	next, want := c.apply(s.(model), c.v)
	next.want = want
	return next
}

func (c call) PostCondition(s commands.State, got commands.Result) *gopter.PropResult {
	if want := s.(model).want; got != want {
		return &gopter.PropResult{Status: gopter.PropFalse, Labels: []string{fmt.Sprintf("%s: want %s, got %s", c, want, got)}}
	}
	return &gopter.PropResult{Status: gopter.PropTrue}
}

func (c call) String() string {
	if c.name == "tryPush" {
		return fmt.Sprintf("tryPush(%d)", c.v)
	}
	return c.name + "()"
}

func errName(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, ErrClosed):
		return "closed"
	case errors.Is(err, ErrFull):
		return "full"
	case errors.Is(err, ErrEmpty):
		return "empty"
	}
	return err.Error()
}

var calls = []call{
	{name: "tryPush",
		run: func(b *Box, v int) string { return errName(b.TryPush(v)) },
		apply: func(m model, v int) (model, string) {
			switch {
			case m.closed:
				return m, "closed"
			case len(m.items) >= capacity:
				return m, "full"
			}
			return model{items: append(slices.Clone(m.items), v)}, "ok"
		}},
	{name: "tryPop",
		run: func(b *Box, _ int) string {
			v, err := b.TryPop()
			if err != nil {
				return errName(err)
			}
			return strconv.Itoa(v)
		},
		apply: func(m model, _ int) (model, string) {
			if len(m.items) == 0 {
				if m.closed {
					return m, "closed"
				}
				return m, "empty"
			}
			return model{items: slices.Clone(m.items[1:]), closed: m.closed}, strconv.Itoa(m.items[0])
		}},
	{name: "close",
		run:   func(b *Box, _ int) string { b.Close(); return "ok" },
		apply: func(m model, _ int) (model, string) { return model{items: m.items, closed: true}, "ok" }},
	{name: "len",
		run:   func(b *Box, _ int) string { return strconv.Itoa(b.Len()) },
		apply: func(m model, _ int) (model, string) { return m, strconv.Itoa(len(m.items)) }},
}

// TestBoxStateMachine runs 300 random call sequences of up to 30 calls, from
// a fixed seed, each on a new Box, and compares every response with the
// model's. A failure is shrunk to a minimal sequence.
func TestBoxStateMachine(t *testing.T) {
	cmds := &commands.ProtoCommands{
		NewSystemUnderTestFunc: func(commands.State) commands.SystemUnderTest { return NewBox(capacity) },
		InitialStateGen:        gen.Const(model{}),
		GenCommandFunc: func(commands.State) gopter.Gen {
			return gopter.CombineGens(gen.IntRange(0, len(calls)-1), gen.IntRange(0, 9)).Map(func(vs []any) commands.Command {
				c := calls[vs[0].(int)]
				c.v = vs[1].(int)
				return c
			})
		},
	}
	params := gopter.DefaultTestParametersWithSeed(22)
	params.MinSuccessfulTests = 300
	params.MaxSize = 30
	var report strings.Builder
	props := gopter.NewProperties(params)
	props.Property("Box keeps its contract", commands.Prop(cmds))
	if !props.Run(gopter.NewFormatedReporter(true, 100, &report)) {
		t.Fatalf("gopter:\n%s", report.String())
	}
}
