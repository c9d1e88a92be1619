package score

// Facts are what the rules and analyses found, given to the scorer as
// features beside the text. Both the engine (at check time) and the trainer
// name them through these methods, so the two can never disagree. A fact is
// kept as the hash of its name ("rule:phi", "comment:complaint"); nothing is
// allocated once the buffers have grown.
type Facts struct {
	h []uint64 // in the order added
}

// Reset empties f for the next check.
func (f *Facts) Reset() { f.h = f.h[:0] }

// Len is the number of distinct facts.
func (f *Facts) Len() int { return len(f.h) }

// Add records the fact called name (once).
func (f *Facts) Add(name string) { f.add(hashString(seedFixed, name)) }

// FactOf hashes the fact called name ahead of time, for AddList: the same
// fact as Add(name).
func FactOf(name string) ListFact { return ListFact(hashString(seedFixed, name)) }

// Finding records a rule finding of category: "rule:<category>", and
// "sev:<category>:flag" when it is a warning or error, else
// "sev:<category>:info". Warning and error are one fact so that a practice
// raising a category's severity in its policy does not move the scores.
func (f *Facts) Finding(category string, flagged bool) {
	flag := 0
	if flagged {
		flag = 1
	}
	for i, c := range findingCats {
		if c == category {
			f.add(findingFacts[i][0])
			f.add(findingFacts[i][1+flag])
			return
		}
	}
	f.add(hashString(seedRule, category))
	f.add(hashString(hashString(seedSev, category), [2]string{":info", ":flag"}[flag]))
}

var (
	seedRule, seedSev = hashString(seedFixed, "rule:"), hashString(seedFixed, "sev:")
	// findingFacts are Finding's facts (rule, info, flag) for the engine's
	// categories, findingCats, hashed once.
	findingCats  = [...]string{"phi", "canned", "manners", "conduct", "routing", "length"}
	findingFacts = func() (out [len(findingCats)][3]uint64) {
		for i, c := range findingCats {
			h := hashString(seedSev, c)
			out[i] = [3]uint64{hashString(seedRule, c), hashString(h, ":info"), hashString(h, ":flag")}
		}
		return out
	}()
)

// Comment records the analysed comment: "comment:<kind>",
// "comment:negative" and one "topic:<topic>" per topic.
func (f *Facts) Comment(kind string, negative bool, topics []string) {
	f.add(hashString(seedCommentKind, kind))
	if negative {
		f.add(factNegative)
	}
	for _, t := range topics {
		f.add(hashString(seedTopic, t))
	}
}

// Comment's prefixes and fixed fact, hashed once.
var (
	seedCommentKind = hashString(seedFixed, "comment:")
	seedTopic       = hashString(seedFixed, "topic:")
	factNegative    = hashString(seedFixed, "comment:negative")
)

// add records fact h once. A check has only a few facts besides its
// lists (AddList, which needs no test), and those come first, so the
// search is short.
func (f *Facts) add(h uint64) {
	if !f.has(h) {
		f.h = append(f.h, h)
	}
}

func (f *Facts) has(h uint64) bool {
	for _, x := range f.h {
		if x == h {
			return true
		}
	}
	return false
}

// List records that the reply matched the vocabulary list called name:
// "list:<name>" (once).
func (f *Facts) List(name string) { f.add(uint64(ListFactOf(name))) }

// A ListFact is the fact "list:<name>", hashed ahead of time: a check
// matches hundreds of list entries, and hashing each one's list name cost
// about a fifth of a whole check.
type ListFact uint64

// ListFactOf hashes the fact for the list called name.
func ListFactOf(name string) ListFact { return ListFact(hashString(seedList, name)) }

// AddList records a list fact hashed by ListFactOf, like List, without
// looking for it first: the caller adds each list once (a check matches a
// few dozen lists, and a search for each was a twentieth of the scorer).
func (f *Facts) AddList(x ListFact) { f.h = append(f.h, uint64(x)) }

var seedList = hashString(seedFixed, "list:")

// Has reports whether the fact called name was recorded.
func (f *Facts) Has(name string) bool { return f.has(hashString(seedFixed, name)) }
