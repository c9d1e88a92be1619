package vocab

import (
	"slices"
	"strconv"
	"strings"

	"github.com/replyguard/replyguard/internal/inflate"
)

// AmbiguousHeader starts the section of entries that are also everyday words
// ("cap", "bridge", "will"); rule code should require stronger context for them.
const AmbiguousHeader = "# ambiguous"

// files maps each list's base name to its text, unpacked once.
var files = unpack(packed)

// unpack reads files_gen.go's packed lists.
func unpack(z string) map[string]string {
	s, err := inflate.String(z)
	if err != nil {
		panic("vocab: packed lists: " + err.Error())
	}
	m := map[string]string{}
	for s != "" {
		name, rest, _ := strings.Cut(s, "\x00")
		text, rest, _ := strings.Cut(rest, "\x00")
		m[name] = text
		s = rest
	}
	return m
}

// list is one parsed file.
type list struct {
	all       []string // every entry, in file order
	ambiguous []string // entries after AmbiguousHeader, in file order
}

// Names returns the base names (without ".txt") of the embedded lists, sorted.
func Names() []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// List returns every entry of the named list ("procedures" or
// "procedures.txt"), ambiguous ones included: comments and blank lines
// removed, entries trimmed and lower-cased. The caller owns the slice.
// An unknown name panics, since names are constants in the rule code.
// List and Ambiguous run at package init only: not inlined, where each
// call cost engine.wasm ~0.5 KB.
//
//go:noinline
func List(name string) []string { return get(name).all }

// Ambiguous returns only the entries after the "# ambiguous" header of the
// named list (nil when the list has none). The caller owns the slice.
//
//go:noinline
func Ambiguous(name string) []string { return get(name).ambiguous }

// get parses a list on every call rather than caching it: lists are read
// once, when the vocabulary is registered, and a cache would keep thousands
// of strings for the garbage collector to walk on every cycle.
func get(name string) list {
	data, ok := files[strings.TrimSuffix(name, ".txt")]
	if !ok {
		panic("vocab: no list " + strconv.Quote(name) + " (have [" + strings.Join(Names(), " ") + "])")
	}
	return parse(data)
}

// parse reads one list: one entry per line, "#" starts a comment line.
func parse(data string) list {
	var l list
	inAmbiguous := false
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "#"):
			if line == AmbiguousHeader {
				inAmbiguous = true
			}
		default:
			entry := strings.ToLower(line)
			l.all = append(l.all, entry)
			if inAmbiguous {
				l.ambiguous = append(l.ambiguous, entry)
			}
		}
	}
	return l
}
