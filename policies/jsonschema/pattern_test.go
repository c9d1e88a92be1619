package jsonschema

import (
	"encoding/json"
	"math/rand"
	"regexp"
	"testing"

	"github.com/replyguard/replyguard/policies"
)

// differential patterns: every pattern the policy schema uses, plus the
// syntax corners, checked against Go's regexp (same meaning for this subset).
var differential = []string{
	`a`, `^abc$`, `a|b|`, `(ab)+c`, `(?:ab|a)*b$`, `^a{2}$`, `^a{2,}$`, `^a{1,3}b`, `x?y`, `.+`, `^.$`,
	`[a-c]+`, `[^a-c]`, `[-a]`, `[a-]`, `[\-\]\\]`, `[.]`, `\.`, `\d\D\w\W\s\S`, `[\d_]+$`, `[^\s@]+@`,
	`^(a|ab)(c|bcd)(d*)$`, `(a*)*b`, `(|a)+`, `^(?:a?){3}a{3}$`, `\(\)\[\]\{\}\*\+\?\|\^\$\/`,
}

func schemaPatterns(t *testing.T) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if p, ok := x["pattern"].(string); ok {
				out = append(out, p)
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	var doc any
	if err := json.Unmarshal(policies.Schema, &doc); err != nil {
		t.Fatal(err)
	}
	walk(doc)
	if len(out) < 5 {
		t.Fatalf("found only %d patterns in the schema", len(out))
	}
	return out
}

func TestPatternMatchesRegexp(t *testing.T) {
	alphabet := []rune("ab c:/-_.@+19(0)é\t\n\u00a0\u2003\u0085xyzUTC#?")
	samples := []string{
		"", "a", "aa", "aaa", "abc", "abcd", "ab", "b", "xy", "y", "08:00", "23:59", "24:00", "7:30", "17:3",
		"(555) 010-0142", "555-0100", "call us", "fax 555 0199 x12", "a@b.co", "a@b", "@b.co", "a b@c.d",
		"https://example.com", "example.com/x?y#z", "http://a", "not a site", "America/Chicago", "UTC",
		"Etc/GMT+5", "Central Time", " ", "\t", "x", "aaaab", "abcbcdd", "()[]{}*+?|^$/", "_9", "é",
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 400; i++ {
		n := rng.Intn(12)
		r := make([]rune, n)
		for j := range r {
			r[j] = alphabet[rng.Intn(len(alphabet))]
		}
		samples = append(samples, string(r))
	}
	for _, src := range append(schemaPatterns(t), differential...) {
		ours, err := CompilePattern(src)
		if err != nil {
			t.Errorf("CompilePattern(%q): %v", src, err)
			continue
		}
		theirs := regexp.MustCompile(goSyntax(src))
		for _, s := range samples {
			if got, want := ours.MatchString(s), theirs.MatchString(s); got != want {
				t.Errorf("pattern %q on %q: got %v, regexp says %v", src, s, got, want)
			}
		}
	}
}

func TestPatternRejectsUnsupported(t *testing.T) {
	for _, src := range []string{`(`, `)`, `a)`, `[a`, `*a`, `a**`, `a+?`, `a{2,1}`, `a{x}`, `\b`, `\p{L}`, `(?=a)`, `(?<n>a)`, `[[a]]`, `[b-a]`, `^*`, `\`} {
		if _, err := CompilePattern(src); err == nil {
			t.Errorf("CompilePattern(%q) succeeded, want an error", src)
		}
	}
}

func BenchmarkPatternWebsite(b *testing.B) {
	p, _ := CompilePattern(`^(https?://)?[^\s/?#.]+(\.[^\s/?#.]+)+([/?#]\S*)?$`)
	for b.Loop() {
		p.MatchString("https://riverside-dental.example/book?ref=facebook")
	}
}

// goSyntax rewrites \s and \S to ECMA-262's meaning (Go's \s is ASCII only).
func goSyntax(src string) string {
	const space = `\t\n\v\f\r \x{a0}\x{feff}\x{2028}\x{2029}\p{Zs}`
	var out []rune
	inClass := false
	r := []rune(src)
	for i := 0; i < len(r); i++ {
		switch {
		case r[i] == '\\' && i+1 < len(r) && (r[i+1] == 's' || r[i+1] == 'S'):
			switch {
			case inClass && r[i+1] == 's':
				out = append(out, []rune(space)...)
			case r[i+1] == 's':
				out = append(out, []rune("["+space+"]")...)
			case !inClass:
				out = append(out, []rune("[^"+space+"]")...)
			default:
				panic("\\S inside a class: " + src)
			}
			i++
		case r[i] == '\\' && i+1 < len(r):
			out = append(out, r[i], r[i+1])
			i++
		default:
			if r[i] == '[' {
				inClass = true
			} else if r[i] == ']' {
				inClass = false
			}
			out = append(out, r[i])
		}
	}
	return string(out)
}
