package jsonschema

import (
	"errors"
	"strconv"
	"unicode"
)

// Pattern is a compiled "pattern" keyword. It implements the small part of
// ECMA-262 regular expressions that schemas need: literals and escapes,
// "." and classes ([a-z], [^@\s]), \d \D \w \W \s \S, groups with "|",
// the quantifiers ? * + {n} {n,} {n,m}, and the anchors ^ and $. Anything
// else is a compile error rather than a silent mismatch.
//
// Why not package regexp: it (with the Unicode tables it pulls in) adds
// about 0.5 MB to engine.wasm, which the extension loads on every start.
type Pattern struct {
	src string
	alt [][]*reNode
}

type reNode struct {
	class    func(rune) bool // a single character; nil for groups and anchors
	alt      [][]*reNode     // a group's alternatives
	anchor   byte            // '^' or '$'
	min, max int             // repetition; max < 0 is unbounded
}

// CompilePattern parses src; see Pattern for the supported syntax.
func CompilePattern(src string) (*Pattern, error) {
	p := &reParser{src: []rune(src)}
	alt, err := p.alternation()
	if err == nil && p.pos < len(p.src) {
		err = p.errorf("unmatched )")
	}
	if err != nil {
		return nil, err
	}
	return &Pattern{src: src, alt: alt}, nil
}

func (p *Pattern) String() string { return p.src }

// MatchString reports whether s contains a match (patterns are not anchored
// unless they say so, as in JSON Schema).
func (p *Pattern) MatchString(s string) bool {
	in := []rune(s)
	for start := 0; start <= len(in); start++ {
		if matchAlt(p.alt, in, start, func(int) bool { return true }) {
			return true
		}
	}
	return false
}

// matchAlt tries each alternative at i, then the continuation k.
func matchAlt(alt [][]*reNode, in []rune, i int, k func(int) bool) bool {
	for _, seq := range alt {
		if matchSeq(seq, in, i, k) {
			return true
		}
	}
	return false
}

func matchSeq(seq []*reNode, in []rune, i int, k func(int) bool) bool {
	if len(seq) == 0 {
		return k(i)
	}
	return matchRepeat(seq[0], 0, in, i, func(j int) bool { return matchSeq(seq[1:], in, j, k) })
}

// matchRepeat matches n greedily, having matched it count times already.
func matchRepeat(n *reNode, count int, in []rune, i int, k func(int) bool) bool {
	if n.max < 0 || count < n.max {
		more := matchOnce(n, in, i, func(j int) bool {
			// An empty iteration cannot make progress: stop looping on it.
			return (j > i || count < n.min) && matchRepeat(n, count+1, in, j, k)
		})
		if more {
			return true
		}
	}
	return count >= n.min && k(i)
}

func matchOnce(n *reNode, in []rune, i int, k func(int) bool) bool {
	switch {
	case n.class != nil:
		return i < len(in) && n.class(in[i]) && k(i+1)
	case n.anchor == '^':
		return i == 0 && k(i)
	case n.anchor == '$':
		return i == len(in) && k(i)
	}
	return matchAlt(n.alt, in, i, k)
}

type reParser struct {
	src []rune
	pos int
}

func (p *reParser) errorf(msg string) error {
	return errors.New("pattern " + strconv.Quote(string(p.src)) + " at " + strconv.Itoa(p.pos) + ": " + msg)
}

func (p *reParser) more() bool { return p.pos < len(p.src) }
func (p *reParser) peek() rune { return p.src[p.pos] }

func (p *reParser) alternation() ([][]*reNode, error) {
	var alt [][]*reNode
	for {
		seq, err := p.sequence()
		if err != nil {
			return nil, err
		}
		alt = append(alt, seq)
		if !p.more() || p.peek() != '|' {
			return alt, nil
		}
		p.pos++
	}
}

func (p *reParser) sequence() ([]*reNode, error) {
	var seq []*reNode
	for p.more() && p.peek() != '|' && p.peek() != ')' {
		n, err := p.atom()
		if err != nil {
			return nil, err
		}
		if err := p.quantifier(n); err != nil {
			return nil, err
		}
		seq = append(seq, n)
	}
	return seq, nil
}

func (p *reParser) atom() (*reNode, error) {
	c := p.peek()
	p.pos++
	n := &reNode{min: 1, max: 1}
	switch c {
	case '(':
		if p.pos+1 < len(p.src) && p.src[p.pos] == '?' && p.src[p.pos+1] == ':' {
			p.pos += 2
		} else if p.more() && p.peek() == '?' {
			return nil, p.errorf("lookaround and named groups are not supported")
		}
		alt, err := p.alternation()
		if err != nil {
			return nil, err
		}
		if !p.more() || p.peek() != ')' {
			return nil, p.errorf("missing )")
		}
		p.pos++
		n.alt = alt
	case '[':
		class, err := p.class()
		if err != nil {
			return nil, err
		}
		n.class = class
	case '.':
		n.class = func(r rune) bool { return r != '\n' && r != '\r' && r != 0x2028 && r != 0x2029 }
	case '^', '$':
		n.anchor = byte(c)
	case '\\':
		class, err := p.escape()
		if err != nil {
			return nil, err
		}
		n.class = class
	case '*', '+', '?', '{', '}', ']':
		p.pos--
		return nil, p.errorf("unexpected " + strconv.QuoteRune(c))
	default:
		n.class = func(r rune) bool { return r == c }
	}
	return n, nil
}

func (p *reParser) quantifier(n *reNode) error {
	if !p.more() {
		return nil
	}
	switch p.peek() {
	case '?':
		n.min, n.max = 0, 1
	case '*':
		n.min, n.max = 0, -1
	case '+':
		n.min, n.max = 1, -1
	case '{':
		return p.braces(n)
	default:
		return nil
	}
	p.pos++
	if n.anchor != 0 {
		return p.errorf("an anchor cannot repeat")
	}
	if p.more() && p.peek() == '?' {
		return p.errorf("lazy quantifiers are not supported")
	}
	return nil
}

// braces parses {n}, {n,} or {n,m}.
func (p *reParser) braces(n *reNode) error {
	p.pos++
	lo, ok := p.number()
	if !ok {
		return p.errorf("bad {n,m} quantifier")
	}
	hi := lo
	if p.more() && p.peek() == ',' {
		p.pos++
		if hi, ok = p.number(); !ok {
			hi = -1
		}
	}
	if !p.more() || p.peek() != '}' || hi >= 0 && hi < lo {
		return p.errorf("bad {n,m} quantifier")
	}
	p.pos++
	n.min, n.max = lo, hi
	if p.more() && p.peek() == '?' {
		return p.errorf("lazy quantifiers are not supported")
	}
	return nil
}

func (p *reParser) number() (int, bool) {
	start := p.pos
	for p.more() && p.peek() >= '0' && p.peek() <= '9' {
		p.pos++
	}
	v, err := strconv.Atoi(string(p.src[start:p.pos]))
	return v, err == nil && v <= 1000
}

// class parses the rest of [...] after the "[".
func (p *reParser) class() (func(rune) bool, error) {
	negate := p.more() && p.peek() == '^'
	if negate {
		p.pos++
	}
	var parts []func(rune) bool
	for {
		if !p.more() {
			return nil, p.errorf("missing ]")
		}
		c := p.peek()
		p.pos++
		if c == ']' { // as in ECMA-262, "[]" is an empty class
			break
		}
		var lo rune
		switch c {
		case '\\':
			f, err := p.escape()
			if err != nil {
				return nil, err
			}
			r, isChar := p.escapedRune()
			if !isChar {
				parts = append(parts, f)
				continue
			}
			lo = r
		case '[':
			return nil, p.errorf("nested classes are not supported")
		default:
			lo = c
		}
		hi := lo
		if p.pos+1 < len(p.src) && p.peek() == '-' && p.src[p.pos+1] != ']' {
			p.pos++
			h := p.peek()
			p.pos++
			if h == '\\' {
				if _, err := p.escape(); err != nil {
					return nil, err
				}
				r, isChar := p.escapedRune()
				if !isChar {
					return nil, p.errorf("a range cannot end in a class escape")
				}
				h = r
			}
			if h < lo {
				return nil, p.errorf("range out of order")
			}
			hi = h
		}
		parts = append(parts, func(r rune) bool { return r >= lo && r <= hi })
	}
	return func(r rune) bool {
		in := false
		for _, f := range parts {
			if f(r) {
				in = true
				break
			}
		}
		return in != negate
	}, nil
}

// escapedRune reports the single character the escape just parsed stands
// for, when it is one (\. \- \n), rather than a class (\s \d).
func (p *reParser) escapedRune() (rune, bool) {
	c := p.src[p.pos-1]
	switch c {
	case 'n':
		return '\n', true
	case 't':
		return '\t', true
	case 'r':
		return '\r', true
	case 's', 'S', 'd', 'D', 'w', 'W':
		return 0, false
	}
	return c, true
}

// escape parses the character after a backslash.
func (p *reParser) escape() (func(rune) bool, error) {
	if !p.more() {
		return nil, p.errorf("trailing backslash")
	}
	c := p.peek()
	p.pos++
	switch c {
	case 'd':
		return isDigit, nil
	case 'D':
		return not(isDigit), nil
	case 'w':
		return isWord, nil
	case 'W':
		return not(isWord), nil
	case 's':
		return isSpace, nil
	case 'S':
		return not(isSpace), nil
	case 'n', 't', 'r':
		r, _ := p.escapedRune()
		return func(x rune) bool { return x == r }, nil
	}
	if c < 0x80 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
		p.pos--
		return nil, p.errorf("unsupported escape \\" + string(c))
	}
	return func(x rune) bool { return x == c }, nil
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
func isWord(r rune) bool {
	return isDigit(r) || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_'
}

// isSpace is ECMA-262's \s: white space and line terminators.
func isSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xA0, 0xFEFF, 0x2028, 0x2029:
		return true
	}
	return r > 0xFF && unicode.Is(unicode.Zs, r)
}

func not(f func(rune) bool) func(rune) bool { return func(r rune) bool { return !f(r) } }
