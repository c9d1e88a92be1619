package vocab

import (
	"slices"
	"strconv"
	"strings"
	"sync"
)

// AmbiguousHeader starts the section of entries that are also everyday words
// ("cap", "bridge", "will"); rule code should require stronger context for them.
const AmbiguousHeader = "# ambiguous"

// list is one parsed file.
type list struct {
	all       []string // every entry, in file order
	ambiguous []string // entries after AmbiguousHeader, in file order
}

var (
	parseOnce sync.Once
	parsed    map[string]list
)

// Names returns the base names (without ".txt") of the embedded lists, sorted.
func Names() []string {
	load()
	names := make([]string, 0, len(parsed))
	for n := range parsed {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// List returns every entry of the named list ("procedures" or
// "procedures.txt"), ambiguous ones included: comments and blank lines
// removed, entries trimmed and lower-cased. The caller owns the slice.
// An unknown name panics, since names are constants in the rule code.
func List(name string) []string { return slices.Clone(get(name).all) }

// Ambiguous returns only the entries after the "# ambiguous" header of the
// named list (nil when the list has none). The caller owns the slice.
func Ambiguous(name string) []string { return slices.Clone(get(name).ambiguous) }

func get(name string) list {
	load()
	l, ok := parsed[strings.TrimSuffix(name, ".txt")]
	if !ok {
		panic("vocab: no list " + strconv.Quote(name) + " (have [" + strings.Join(Names(), " ") + "])")
	}
	return l
}

func load() {
	parseOnce.Do(func() {
		parsed = make(map[string]list, len(files))
		for name, data := range files {
			parsed[name] = parse(data)
		}
	})
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
