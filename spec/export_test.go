package spec

import "context"

// Names only the package's own tests use.

const ClosedErr = closedErr

var OutcomeOf = outcomeOf

func Do(ctx context.Context, q Queue, in Input) Output { return do(ctx, q, in) }

func (c *Client) Do(ctx context.Context, in Input) Output { return c.do(ctx, in) }

func (sp Spec) Step(s State, in Input, out Output) (bool, State) { return sp.step(s, in, out) }
