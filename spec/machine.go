package spec

import (
	"context"
	"fmt"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"
)

// do performs the call in on q with ctx and returns its response. PopBatch
// pops into a new slice of in.Value items.
func do(ctx context.Context, q Queue, in Input) Output {
	switch in.Op {
	case Push:
		return result(q.Push(ctx, in.Value))
	case TryPush:
		return result(q.TryPush(in.Value))
	case Pop:
		return popResult(q.Pop(ctx))
	case TryPop:
		return popResult(q.TryPop())
	case PushBatch:
		n, err := q.PushBatch(ctx, in.Values)
		o := result(err)
		o.Value = n
		return o
	case PopBatch:
		dst := make([]int, max(in.Value, 0))
		n, err := q.PopBatch(ctx, dst)
		o := result(err)
		o.Value = n
		if n > 0 && n <= len(dst) {
			o.Values = dst[:n]
		}
		return o
	case Close:
		q.Close()
		return Output{}
	case Len:
		return Output{Value: q.Len()}
	case Cap:
		return Output{Value: q.Cap()}
	case Resize:
		return result(q.Resize(in.Value))
	case Closed:
		if q.Closed() {
			return Output{Value: 1}
		}
		return Output{}
	}
	return Output{Outcome: Unexpected, Err: "unknown call " + in.Op.String()}
}

// do performs the call in through c, recorded like any other call.
// Items are tagged as by the other methods; the response is as recorded,
// with ids.
func (c *Client) do(ctx context.Context, in Input) Output {
	in = c.r.tag(in)
	return c.call(in, func() Output { return do(ctx, c.r.q, in) })
}

// Commands returns sp as a gopter state machine (package
// github.com/leanovate/gopter/commands): random sequences of calls, run one
// at a time against a queue made by newQueue(sp.Capacity), each response
// checked against sp. Check it with commands.Prop(Commands(...)).
//
// Every call gets a context that is already done, so a call that would have
// to wait returns at once with the context's error, as Apply says it must;
// the sequences cover every method, Close and Resize included. The
// machine's state is the State before the call; its next-state function and
// its postcondition are both Apply. On a failure gopter shrinks the
// sequence (dropping calls, simplifying arguments) to a minimal one, printed
// as "initialState=[] cap 2 sequential=[tryPush(0) tryPush(0) ...]".
func Commands(sp Spec, newQueue func(capacity int) Queue) commands.Commands {
	return &commands.ProtoCommands{
		NewSystemUnderTestFunc: func(commands.State) commands.SystemUnderTest {
			return newQueue(sp.Capacity)
		},
		DestroySystemUnderTestFunc: func(sut commands.SystemUnderTest) {
			sut.(Queue).Close()
		},
		InitialStateGen: gopter.Gen(func(*gopter.GenParameters) *gopter.GenResult {
			return gopter.NewGenResult(machineState{s: sp.Init()}, gopter.NoShrinker)
		}),
		GenCommandFunc: func(commands.State) gopter.Gen { return genCommand(sp) },
	}
}

// machineState is the state machine's state: the specification's state and
// the response Apply expects from the last call.
type machineState struct {
	s    State
	want Output
}

func (m machineState) String() string { return m.s.String() }

// command is one call of the state machine.
type command struct {
	sp Spec
	in Input
}

var _ commands.Command = command{}

func (c command) Run(sut commands.SystemUnderTest) commands.Result {
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // a call that would wait returns at once
	return do(ctx, sut.(Queue), c.in)
}

func (c command) NextState(state commands.State) commands.State {
	want, next := c.sp.Apply(state.(machineState).s, c.in)
	return machineState{s: next, want: want}
}

func (c command) PreCondition(commands.State) bool { return true }

func (c command) PostCondition(state commands.State, res commands.Result) *gopter.PropResult {
	want, got := state.(machineState).want, res.(Output)
	if want.Equal(got) {
		return &gopter.PropResult{Status: gopter.PropTrue}
	}
	return &gopter.PropResult{
		Status: gopter.PropFalse,
		Labels: []string{fmt.Sprintf("%s: want %s, got %s",
			c, DescribeOperation(c.in, want), DescribeOperation(c.in, got))},
	}
}

// String renders the call without spaces, e.g. "pushBatch(1,2)", so that a
// printed sequence splits on spaces.
func (c command) String() string {
	return describeCall(c.in, true)
}

func genCommand(sp Spec) gopter.Gen {
	// Weights of the generated calls: mostly pushes and pops, Close rarely
	// so that most sequences spend a while open.
	weights := [...]int{
		Push: 4, Pop: 4, TryPush: 4, TryPop: 4, PushBatch: 2, PopBatch: 2,
		Close: 1, Len: 1, Cap: 1, Resize: 1, Closed: 1,
	}
	total := 0
	for _, w := range weights {
		total += w
	}
	return func(p *gopter.GenParameters) *gopter.GenResult {
		r := p.Rng.Intn(total)
		op := Kind(0)
		for r >= weights[op] {
			r -= weights[op]
			op++
		}
		in := Input{Op: op}
		switch op {
		case Push, TryPush:
			in.Value = p.Rng.Intn(100)
		case PopBatch, Resize:
			in.Value = p.Rng.Intn(6)
		case PushBatch:
			in.Values = make([]int, p.Rng.Intn(6))
			for i := range in.Values {
				in.Values[i] = p.Rng.Intn(100)
			}
		}
		return gopter.NewGenResult(command{sp, in}, shrinkCommand)
	}
}

// shrinkCommand offers simpler versions of a call: items toward 0, shorter
// batches, smaller sizes.
func shrinkCommand(v any) gopter.Shrink {
	c := v.(command)
	var out []command
	with := func(in Input) { out = append(out, command{c.sp, in}) }
	switch c.in.Op {
	case Push, TryPush:
		if c.in.Value != 0 {
			with(Input{Op: c.in.Op})
			if c.in.Value/2 != 0 {
				with(Input{Op: c.in.Op, Value: c.in.Value / 2})
			}
		}
	case PopBatch, Resize:
		if c.in.Value > 1 {
			with(Input{Op: c.in.Op, Value: c.in.Value - 1})
		}
	case PushBatch:
		if n := len(c.in.Values); n > 0 {
			with(Input{Op: PushBatch, Values: c.in.Values[:n-1]})
		}
		for i, x := range c.in.Values {
			if x != 0 {
				vs := append([]int(nil), c.in.Values...)
				vs[i] = 0
				with(Input{Op: PushBatch, Values: vs})
			}
		}
	}
	i := 0
	return func() (any, bool) {
		if i == len(out) {
			return nil, false
		}
		i++
		return out[i-1], true
	}
}
