package core

import (
	"maps"
	"slices"
	"strings"
)

// Visit dates and times are PHI ("your 3pm on March 4", "last Tuesday");
// practice schedules are not ("closed December 25", "open Saturdays").

var months = newLexSet(fields(`january february march april may june july august september october
	november december jan feb mar apr jun jul aug sep sept oct nov dec`)...)

// ambiguousMonths are months that are everyday words too ("you may", "march").
var ambiguousMonths = newLexSet(fields("may march jan dec mar jun aug")...)

var weekdays = newLexSet(fields(`monday tuesday wednesday thursday friday saturday sunday mon tues
	wed thurs fri`)...)

var relativeDays = map[string][]string{
	"yesterday": nil,
	"last":      {"week", "night", "month", "visit", "time", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "appointment", "year"},
	"this":      {"morning", "afternoon"},
	"earlier":   {"today", "this"},
	"the":       {"other"},
}

// relativeDayWords are relativeDays' keys, to skip the map for other words.
var relativeDayWords = newLexSet(slices.Collect(maps.Keys(relativeDays))...)

// scheduleWords mark a sentence about the practice's calendar, not a visit.
var scheduleWords = newLexSet(fields(`closed close closing open opening opens reopen reopening hours
	holiday holidays christmas thanksgiving easter event events join celebrate celebrating starting
	starts begins beginning until through deadline every weekly monthly daily party drive fair
	giveaway contest webinar seminar class house available availability booking book schedule season
	annual anniversary celebration festival parade fundraiser sale promotion special offer ends
	launch launching effective new office slots openings added extra summer busiest weekdays
	weekends walk-ins`)...)

// pastVisitWords mark a sentence about something that already happened to the reader.
var pastVisitWords = newLexSet(fields(`was were had came come saw seen did went visited visit
	appointment appt stopped wait waited waiting your you you're you've cleaning procedure treated
	hurt sorry glad great enjoyed meeting seeing see here in`)...)

// sentenceWords returns the words of sentence s.
func (d *Doc) sentenceWords(s int) []Word {
	if s < 0 || s >= len(d.sentWords) || d.sentWords[s].Start < 0 {
		return nil
	}
	return d.Words[d.sentWords[s].Start:d.sentWords[s].End]
}

// dateHit decides whether a date at span is a visit date tied to the reader.
func (pp *phiPass) dateHit(sp Span, msg string) (phiHit, bool) {
	i := wordAt(pp.d, sp.Start)
	if i < 0 {
		return phiHit{}, false
	}
	f := pp.flags[pp.d.Words[i].Sentence]
	if f.schedule && !f.you {
		return phiHit{}, false
	}
	// A date is a visit date only when the sentence is about a person.
	if !(f.you || f.name || f.third || f.empathy) {
		return phiHit{}, false
	}
	if !f.pastVisit {
		return phiHit{}, false
	}
	return phiHit{sp, msg, "date"}, true
}

// dateWordHits finds "March 4", "4th of March", "last Tuesday", "yesterday",
// "on Monday" and "at 3pm" shapes tied to the reader's visit.
func (pp *phiPass) dateWordHits() []phiHit {
	d := pp.d
	var hits []phiHit
	n := len(d.Words)
	for i := 0; i < n; i++ {
		w := d.Words[i].Lower
		var sp Span
		found := false
		switch {
		case months.at(d, i):
			capital := d.Text[d.Words[i].Start] >= 'A' && d.Text[d.Words[i].Start] <= 'Z'
			if ambiguousMonths.at(d, i) && !capital {
				break
			}
			if i+1 < n && isDayNumber(d.Words[i+1].Lower) && d.Words[i+1].Sentence == d.Words[i].Sentence {
				sp, found = d.span(i, i+2), true
			} else if i >= 2 && d.Words[i-1].Lower == "of" && isDayNumber(d.Words[i-2].Lower) {
				sp, found = d.span(i-2, i+1), true
			}
		case weekdays.at(d, i):
			from := i
			if i > 0 && (d.Words[i-1].Lower == "last" || d.Words[i-1].Lower == "on" || d.Words[i-1].Lower == "this" || d.Words[i-1].Lower == "your") {
				from = i - 1
			}
			if from == i && !(i+1 < n && isTimeWord(d, i+1)) {
				// A bare weekday is only a date with "last"/"on"/"your" or a time.
				break
			}
			sp, found = d.span(from, i+1), true
		case w == "yesterday":
			sp, found = d.span(i, i+1), true
		default:
			var next []string
			if relativeDayWords.at(d, i) {
				next = relativeDays[w]
			}
			if next != nil && i+1 < n {
				for _, x := range next {
					if d.Words[i+1].Lower == x {
						if w == "last" && !weekdays.has(x) && x != "week" && x != "night" && x != "visit" && x != "appointment" {
							break
						}
						end := i + 2
						if w == "the" && i+2 < n && d.Words[i+2].Lower == "day" {
							end = i + 3
						} else if w == "the" {
							break
						}
						sp, found = d.span(i, end), true
						break
					}
				}
			}
			if !found && isTimeWord(d, i) && i > 0 {
				p := d.Words[i-1].Lower
				if p == "your" || p == "at" || p == "for" || strings.HasSuffix(p, "'s") {
					sp, found = d.span(i, i+1), true
				}
			}
		}
		if !found {
			continue
		}
		if h, ok := pp.dateHit(sp, "mentions when the person was seen"); ok {
			hits = append(hits, h)
		}
	}
	return hits
}

func isDayNumber(s string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if len(s) > len(suf) && s[len(s)-len(suf):] == suf {
			s = s[:len(s)-len(suf)]
			break
		}
	}
	v, ok := atoi(s)
	return ok && v >= 1 && v <= 31
}

// isTimeWord reports "3pm", "3:30" (as "3" "30pm"), "10am" or "3 pm".
func isTimeWord(d *Doc, i int) bool {
	w := d.Words[i].Lower
	if !isDigit(w[0]) {
		return false
	}
	for _, suf := range []string{"am", "pm", "a.m", "p.m"} {
		if len(w) > len(suf) && w[len(w)-len(suf):] == suf {
			if _, ok := atoi(w[:len(w)-len(suf)]); ok {
				return true
			}
		}
	}
	if _, ok := atoi(w); ok && i+1 < len(d.Words) {
		n := d.Words[i+1].Lower
		if n == "am" || n == "pm" || n == "a.m" || n == "p.m" || n == "o'clock" {
			return true
		}
		// "3:30" tokenises as "3", "30pm" / "30".
		if d.Words[i].End < len(d.Text) && d.Text[d.Words[i].End] == ':' {
			return true
		}
	}
	return false
}
