package hipaa

import (
	"strings"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

// Visit dates and times are analysis.PHI ("your 3pm on March 4", "last Tuesday");
// practice schedules are not ("closed December 25", "open Saturdays").

var months = lex.New("hipaa/months", lex.Data(listMonths)...)

// ambiguousMonths are months that are everyday words too ("you may", "march").
var ambiguousMonths = lex.New("hipaa/ambiguous_months", lex.Data(listAmbiguousMonths)...)

var weekdays = lex.New("hipaa/weekdays", lex.Data(listWeekdays)...)

// relativeDays name a day or a visit relative to now: "yesterday", "last
// Tuesday", "the other day".
var relativeDays = lex.New("hipaa/relative_days", lex.Data(listRelativeDays)...)

// Words around dates and times.
var (
	clockSuffixes   = lex.Data(listClassClockWords)
	ordinalSuffixes = lex.Data(listOrdinalSuffixes)
)

// scheduleWords mark a sentence about the practice's calendar, not a visit.
var scheduleWords = lex.New("hipaa/schedule_words", lex.Data(listScheduleWords)...)

// pastVisitWords mark a sentence about something that already happened to the reader.
var pastVisitWords = lex.New("hipaa/past_visit_words", lex.Data(listPastVisitWords)...)

// dateHit decides whether a date at span is a visit date tied to the reader.
func (pp *phiPass) dateHit(sp text.Span) bool {
	i := pp.d.WordAt(sp.Start)
	if i < 0 {
		return false
	}
	f := &pp.flags[pp.d.Words[i].Sentence]
	// A date is a visit date only when the sentence is about a person, and
	// not about the practice's calendar.
	return !(f.schedule && !f.you) && (f.you || f.name || f.third || f.empathy) && f.pastVisit
}

// dateWordHits finds "March 4", "4th of March", "last Tuesday", "yesterday",
// "on Monday" and "at 3pm" shapes tied to the reader's visit.
func (pp *phiPass) dateWordHits() []phiHit {
	d := pp.d
	var hits []phiHit
	n := len(d.Words)
	for _, m := range d.Starts(relativeDays.Group) {
		if sp := d.WordSpan(m.From, m.To); pp.dateHit(sp) {
			hits = append(hits, phiHit{sp, seen})
		}
	}
	for i := 0; i < n; i++ {
		var sp text.Span
		found := false
		switch {
		case d.Is(i, months):
			capital := d.Text[d.Words[i].Start] >= 'A' && d.Text[d.Words[i].Start] <= 'Z'
			if d.Is(i, ambiguousMonths) && !capital {
				break
			}
			if i+1 < n && isDayNumber(d.Words[i+1].Lower) && d.Words[i+1].Sentence == d.Words[i].Sentence {
				sp, found = d.WordSpan(i, i+2), true
			} else if i >= 2 && d.Words[i-1].Lower == "of" && isDayNumber(d.Words[i-2].Lower) {
				sp, found = d.WordSpan(i-2, i+1), true
			}
		case d.Is(i, weekdays):
			from := i
			if pp.is(i-1, cWeekdayPrefixes) {
				from = i - 1
			}
			if from == i && !(i+1 < n && isTimeWord(d, i+1)) {
				// A bare weekday is only a date with "last"/"on"/"your" or a time.
				break
			}
			sp, found = d.WordSpan(from, i+1), true
		case i > 0 && text.IsDigit(d.Words[i].Lower[0]) && isTimeWord(d, i) && (pp.is(i-1, cTimePrepositions) || strings.HasSuffix(d.Words[i-1].Lower, "'s")):
			sp, found = d.WordSpan(i, i+1), true
		}
		if !found {
			continue
		}
		if pp.dateHit(sp) {
			hits = append(hits, phiHit{sp, seen})
		}
	}
	return hits
}

func isDayNumber(s string) bool {
	for _, suf := range ordinalSuffixes {
		if len(s) > len(suf) && s[len(s)-len(suf):] == suf {
			s = s[:len(s)-len(suf)]
			break
		}
	}
	v, ok := text.Atoi(s)
	return ok && v >= 1 && v <= 31
}

// isTimeWord reports "3pm", "3:30" (as "3" "30pm"), "10am" or "3 pm".
func isTimeWord(d *lex.Doc, i int) bool {
	w := d.Words[i].Lower
	if !text.IsDigit(w[0]) {
		return false
	}
	for _, suf := range clockSuffixes {
		if len(w) > len(suf) && w[len(w)-len(suf):] == suf {
			if _, ok := text.Atoi(w[:len(w)-len(suf)]); ok {
				return true
			}
		}
	}
	if _, ok := text.Atoi(w); ok && i+1 < len(d.Words) {
		if isClass(d, i+1, cClockWords) {
			return true
		}
		// "3:30" tokenises as "3", "30pm" / "30".
		if d.Words[i].End < len(d.Text) && d.Text[d.Words[i].End] == ':' {
			return true
		}
	}
	return false
}
