package score

// Facts are what the rules and analyses found, given to the scorer as
// features beside the text. Both the engine (at check time) and the trainer
// name them through these methods, so the two can never disagree. A fact is
// kept as the hash of its name ("rule:phi", "comment:complaint"); nothing is
// allocated once the buffer has grown.
type Facts struct {
	h []uint64
}

// Reset empties f for the next check.
func (f *Facts) Reset() { f.h = f.h[:0] }

// Len is the number of distinct facts.
func (f *Facts) Len() int { return len(f.h) }

// Add records the fact called name (once).
func (f *Facts) Add(name string) { f.add(hashString(seedFixed, name)) }

// Finding records a rule finding of category: "rule:<category>", and
// "sev:<category>:flag" when it is a warning or error, else
// "sev:<category>:info". Warning and error are one fact so that a practice
// raising a category's severity in its policy does not move the scores.
func (f *Facts) Finding(category string, flagged bool) {
	f.add(hashString(hashString(seedFixed, "rule:"), category))
	h := hashString(hashString(seedFixed, "sev:"), category)
	if flagged {
		f.add(hashString(h, ":flag"))
	} else {
		f.add(hashString(h, ":info"))
	}
}

// Comment records the analysed comment: "comment:<kind>",
// "comment:negative" and one "topic:<topic>" per topic.
func (f *Facts) Comment(kind string, negative bool, topics []string) {
	f.add(hashString(hashString(seedFixed, "comment:"), kind))
	if negative {
		f.Add("comment:negative")
	}
	for _, t := range topics {
		f.add(hashString(hashString(seedFixed, "topic:"), t))
	}
}

func (f *Facts) add(h uint64) {
	for _, x := range f.h {
		if x == h {
			return
		}
	}
	f.h = append(f.h, h)
}

// List records that the reply matched the vocabulary list called name:
// "list:<name>".
func (f *Facts) List(name string) { f.AddList(ListFactOf(name)) }

// A ListFact is the fact "list:<name>", hashed ahead of time: a check
// matches hundreds of list entries, and hashing each one's list name cost
// about a fifth of a whole check.
type ListFact uint64

// ListFactOf hashes the fact for the list called name.
func ListFactOf(name string) ListFact { return ListFact(hashString(seedList, name)) }

// AddList records a list fact hashed by ListFactOf; the same as List.
func (f *Facts) AddList(x ListFact) { f.add(uint64(x)) }

var seedList = hashString(seedFixed, "list:")

// Has reports whether the fact called name was recorded.
func (f *Facts) Has(name string) bool {
	h := hashString(seedFixed, name)
	for _, x := range f.h {
		if x == h {
			return true
		}
	}
	return false
}
