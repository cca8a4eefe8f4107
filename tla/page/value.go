package page

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Kind is the kind of a TLA+ value as the checkers print it.
type Kind int

// The kinds of value.
const (
	Int   Kind = iota // 3, -1
	Bool              // TRUE, FALSE (TLC) or true, false (tla-checker)
	Str               // "idle"
	Model             // a model value: p1, NoOne
	Seq               // <<a, b>>
	Set               // {a, b}
	Rec               // [notFull |-> <<>>, notEmpty |-> <<c1>>]
	Fn                // (p1 :> 0 @@ p2 :> 1)
)

// Value is one TLA+ value. Int and Bool keep their text in Atom; Str and
// Model keep the string or the name. Seq and Set keep Elems in the order
// printed. Rec and Fn keep Keys and Elems side by side (a record's keys are
// Str values).
type Value struct {
	Kind  Kind
	Atom  string
	Keys  []Value
	Elems []Value
}

// String returns the value in TLC's notation, in the order it was printed.
func (v Value) String() string {
	var b strings.Builder
	v.write(&b, false)
	return b.String()
}

// Canon returns the value in TLC's notation with set elements, record
// fields and function entries sorted: two printings of one value have the
// same Canon whatever order each checker chose.
func (v Value) Canon() string {
	var b strings.Builder
	v.write(&b, true)
	return b.String()
}

func (v Value) write(b *strings.Builder, canon bool) {
	list := func(open, sep, close string, parts []string) {
		if canon && v.Kind != Seq {
			slices.Sort(parts)
		}
		b.WriteString(open + strings.Join(parts, sep) + close)
	}
	text := func(x Value) string {
		if canon {
			return x.Canon()
		}
		return x.String()
	}
	switch v.Kind {
	case Bool:
		b.WriteString(strings.ToUpper(v.Atom))
	case Str:
		b.WriteString(strconv.Quote(v.Atom))
	case Int, Model:
		b.WriteString(v.Atom)
	case Seq, Set:
		parts := make([]string, len(v.Elems))
		for i, e := range v.Elems {
			parts[i] = text(e)
		}
		if v.Kind == Seq {
			list("<<", ", ", ">>", parts)
		} else {
			list("{", ", ", "}", parts)
		}
	case Rec:
		parts := make([]string, len(v.Elems))
		for i, e := range v.Elems {
			parts[i] = v.Keys[i].Atom + " |-> " + text(e)
		}
		list("[", ", ", "]", parts)
	case Fn:
		parts := make([]string, len(v.Elems))
		for i, e := range v.Elems {
			parts[i] = text(v.Keys[i]) + " :> " + text(e)
		}
		list("(", " @@ ", ")", parts)
	}
}

// Label returns the value as a reader sees it: a string without quotes,
// anything else in TLC's notation.
func (v Value) Label() string {
	if v.Kind == Str {
		return v.Atom
	}
	return v.String()
}

// Get returns the entry of a record or function whose key reads as key
// (a record field, a model value's name, a string or a number).
func (v Value) Get(key string) (Value, bool) {
	if v.Kind != Rec && v.Kind != Fn {
		return Value{}, false
	}
	for i, k := range v.Keys {
		if k.Atom == key && k.Kind != Seq && k.Kind != Set {
			return v.Elems[i], true
		}
	}
	return Value{}, false
}

// Entries returns a record's or function's entries as (key label, value),
// a sequence's as (index, value), in the order printed.
func (v Value) Entries() ([]string, []Value) {
	switch v.Kind {
	case Rec, Fn:
		keys := make([]string, len(v.Keys))
		for i, k := range v.Keys {
			keys[i] = k.Label()
		}
		return keys, v.Elems
	case Seq:
		keys := make([]string, len(v.Elems))
		for i := range v.Elems {
			keys[i] = strconv.Itoa(i + 1)
		}
		return keys, v.Elems
	}
	return nil, nil
}

// MarshalJSON writes the value in tla-checker's JSON form (see
// tla/explore.mjs).
func (v Value) MarshalJSON() ([]byte, error) {
	var x any
	switch v.Kind {
	case Int:
		n, err := strconv.ParseInt(v.Atom, 10, 64)
		if err != nil {
			return nil, err
		}
		x = n
	case Bool:
		x = strings.EqualFold(v.Atom, "true")
	case Str:
		x = v.Atom
	case Model:
		x = map[string]string{"__model": v.Atom}
	case Seq:
		x = map[string][]Value{"__tuple": nonNil(v.Elems)}
	case Set:
		x = nonNil(v.Elems)
	case Rec:
		m := map[string]Value{}
		for i, k := range v.Keys {
			m[k.Atom] = v.Elems[i]
		}
		x = m
	case Fn:
		pairs := make([][2]Value, len(v.Keys))
		for i := range v.Keys {
			pairs[i] = [2]Value{v.Keys[i], v.Elems[i]}
		}
		x = map[string][][2]Value{"__fn": pairs}
	}
	return json.Marshal(x)
}

func nonNil(vs []Value) []Value {
	if vs == nil {
		return []Value{}
	}
	return vs
}

// fromJSON converts tla-checker's JSON form back to a Value.
func fromJSON(data json.RawMessage) (Value, error) {
	var x any
	if err := json.Unmarshal(data, &x); err != nil {
		return Value{}, err
	}
	return fromAny(x)
}

func fromAny(x any) (Value, error) {
	switch x := x.(type) {
	case bool:
		return Value{Kind: Bool, Atom: strings.ToUpper(strconv.FormatBool(x))}, nil
	case float64:
		return Value{Kind: Int, Atom: strconv.FormatInt(int64(x), 10)}, nil
	case string:
		return Value{Kind: Str, Atom: x}, nil
	case []any:
		v := Value{Kind: Set}
		for _, e := range x {
			ev, err := fromAny(e)
			if err != nil {
				return Value{}, err
			}
			v.Elems = append(v.Elems, ev)
		}
		return v, nil
	case map[string]any:
		if m, ok := x["__model"].(string); ok {
			return Value{Kind: Model, Atom: m}, nil
		}
		if t, ok := x["__tuple"].([]any); ok {
			v, err := fromAny(t)
			v.Kind = Seq
			return v, err
		}
		if f, ok := x["__fn"].([]any); ok {
			v := Value{Kind: Fn}
			for _, p := range f {
				pair, ok := p.([]any)
				if !ok || len(pair) != 2 {
					return Value{}, fmt.Errorf("bad function entry %v", p)
				}
				k, err := fromAny(pair[0])
				if err != nil {
					return Value{}, err
				}
				e, err := fromAny(pair[1])
				if err != nil {
					return Value{}, err
				}
				v.Keys, v.Elems = append(v.Keys, k), append(v.Elems, e)
			}
			return v, nil
		}
		v := Value{Kind: Rec}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			e, err := fromAny(x[k])
			if err != nil {
				return Value{}, err
			}
			v.Keys, v.Elems = append(v.Keys, Value{Kind: Str, Atom: k}), append(v.Elems, e)
		}
		return v, nil
	}
	return Value{}, fmt.Errorf("unexpected JSON value %v", x)
}

// ParseValue parses one value as TLC or tla-checker prints it.
func ParseValue(text string) (Value, error) {
	p := &parser{s: text}
	v, err := p.value()
	if err != nil {
		return Value{}, err
	}
	p.space()
	if p.i < len(p.s) {
		return Value{}, p.errorf("unexpected %q after the value", p.rest())
	}
	return v, nil
}

type parser struct {
	s string
	i int
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("tla value at offset %d of %q: %s", p.i, p.s, fmt.Sprintf(format, args...))
}

func (p *parser) rest() string {
	r := p.s[p.i:]
	if len(r) > 20 {
		r = r[:20] + "…"
	}
	return r
}

func (p *parser) space() {
	for p.i < len(p.s) && strings.ContainsRune(" \t\r\n", rune(p.s[p.i])) {
		p.i++
	}
}

// eat consumes tok (after blanks) if it comes next.
func (p *parser) eat(tok string) bool {
	p.space()
	if strings.HasPrefix(p.s[p.i:], tok) {
		p.i += len(tok)
		return true
	}
	return false
}

func (p *parser) expect(tok string) error {
	if !p.eat(tok) {
		return p.errorf("want %q, found %q", tok, p.rest())
	}
	return nil
}

func isIdent(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (p *parser) word() string {
	start := p.i
	for p.i < len(p.s) && isIdent(p.s[p.i]) {
		p.i++
	}
	return p.s[start:p.i]
}

func (p *parser) value() (Value, error) {
	p.space()
	if p.i >= len(p.s) {
		return Value{}, p.errorf("want a value, found the end")
	}
	switch c := p.s[p.i]; {
	case strings.HasPrefix(p.s[p.i:], "<<"):
		p.i += 2
		elems, err := p.list(">>")
		return Value{Kind: Seq, Elems: elems}, err
	case c == '{':
		p.i++
		elems, err := p.list("}")
		return Value{Kind: Set, Elems: elems}, err
	case c == '[':
		p.i++
		return p.record()
	case c == '(':
		p.i++
		return p.function()
	case c == '"':
		return p.str()
	case c == '-' || c >= '0' && c <= '9':
		start := p.i
		if c == '-' {
			p.i++
		}
		w := p.word()
		if _, err := strconv.ParseInt(w, 10, 64); err != nil {
			return Value{}, p.errorf("bad number %s", p.s[start:p.i])
		}
		return Value{Kind: Int, Atom: p.s[start:p.i]}, nil
	case isIdent(c):
		w := p.word()
		if w == "TRUE" || w == "FALSE" || w == "true" || w == "false" {
			return Value{Kind: Bool, Atom: strings.ToUpper(w)}, nil
		}
		return Value{Kind: Model, Atom: w}, nil
	}
	return Value{}, p.errorf("want a value, found %q", p.rest())
}

func (p *parser) list(close string) ([]Value, error) {
	var elems []Value
	if p.eat(close) {
		return elems, nil
	}
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		elems = append(elems, v)
		if p.eat(close) {
			return elems, nil
		}
		if err := p.expect(","); err != nil {
			return nil, err
		}
	}
}

func (p *parser) record() (Value, error) {
	v := Value{Kind: Rec}
	if p.eat("]") {
		return v, nil
	}
	for {
		p.space()
		name := p.word()
		if name == "" {
			return Value{}, p.errorf("want a field name, found %q", p.rest())
		}
		if err := p.expect("|->"); err != nil {
			return Value{}, err
		}
		e, err := p.value()
		if err != nil {
			return Value{}, err
		}
		v.Keys, v.Elems = append(v.Keys, Value{Kind: Str, Atom: name}), append(v.Elems, e)
		if p.eat("]") {
			return v, nil
		}
		if err := p.expect(","); err != nil {
			return Value{}, err
		}
	}
}

// function parses `k :> v @@ k :> v)` after the opening parenthesis; a
// parenthesised value without `:>` is the value itself.
func (p *parser) function() (Value, error) {
	v := Value{Kind: Fn}
	for {
		k, err := p.value()
		if err != nil {
			return Value{}, err
		}
		if len(v.Keys) == 0 && p.eat(")") {
			return k, nil
		}
		if err := p.expect(":>"); err != nil {
			return Value{}, err
		}
		e, err := p.value()
		if err != nil {
			return Value{}, err
		}
		v.Keys, v.Elems = append(v.Keys, k), append(v.Elems, e)
		if p.eat(")") {
			return v, nil
		}
		if err := p.expect("@@"); err != nil {
			return Value{}, err
		}
	}
}

func (p *parser) str() (Value, error) {
	var b strings.Builder
	for p.i++; p.i < len(p.s); p.i++ {
		switch c := p.s[p.i]; c {
		case '"':
			p.i++
			return Value{Kind: Str, Atom: b.String()}, nil
		case '\\':
			p.i++
			if p.i < len(p.s) {
				switch p.s[p.i] {
				case 'n':
					b.WriteByte('\n')
				case 't':
					b.WriteByte('\t')
				default:
					b.WriteByte(p.s[p.i])
				}
			}
		default:
			b.WriteByte(c)
		}
	}
	return Value{}, p.errorf("unterminated string")
}
