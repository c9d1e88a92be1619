// Package length is the rule "Keep it short": the platform's word and
// sentence limits, and a reading-grade hint.
package length

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

// Rule is the seed rule "Keep it short": give people just enough.
var Rule = &analysis.Rule{
	Name:     "keep-it-short",
	Doc:      "replies must stay within the platform's word and sentence limits",
	Category: analysis.Length,
	Run:      runLength,
}

// countWords counts whitespace-separated fields that contain a letter or
// digit (what a person counts as words) and returns where field number
// cut+1 starts (-1 if there are not that many).
func countWords(d *text.Doc, cut int) (n, cutStart int) {
	// The tokenizer counted the fields; they are walked only to find
	// where field cut+1 starts, in a reply past the limit.
	if n = d.Fields(); cut < 0 || n <= cut {
		return n, -1
	}
	return n, walkFields(d, cut)
}

// walkFields returns where field number cut+1 starts: at its word the
// tokenizer marked as the field's counted one (text.FieldStart).
func walkFields(d *text.Doc, cut int) (cutStart int) {
	n := 0
	for k := range d.Words {
		if d.Words[k].Shape&text.FieldStart == 0 {
			continue
		}
		if n == cut {
			return fieldStart(d.Text, d.Words[k].Start)
		}
		n++
	}
	return -1
}

// fieldStart returns where the whitespace-separated field holding byte at starts.
func fieldStart(t string, at int) int {
	for at > 0 {
		r, size := utf8.DecodeLastRuneInString(t[:at])
		if unicode.IsSpace(r) {
			break
		}
		at -= size
	}
	return at
}

func runLength(p *analysis.Pass) {
	d := p.Reply
	lim := p.Config.Length[p.Input.Platform]
	words, cutStart := countWords(d.Doc, lim.MaxWords)
	platform := string(p.Input.Platform)
	if lim.MaxWords > 0 && words > lim.MaxWords {
		p.Report(analysis.Finding{Start: cutStart, End: len(strings.TrimRightFunc(d.Text, unicode.IsSpace)),
			Message:    strconv.Itoa(words) + " words; " + platform + " replies work best under " + strconv.Itoa(lim.MaxWords),
			Suggestion: "cut " + strconv.Itoa(words-lim.MaxWords) + " words: keep one thank-you or apology, one fact, and one next step"})
	} else if lim.MaxSentences > 0 && len(d.Sentences) > lim.MaxSentences {
		p.Report(analysis.Finding{Start: d.Sentences[lim.MaxSentences].Start, End: d.Sentences[len(d.Sentences)-1].End,
			Message:    strconv.Itoa(len(d.Sentences)) + " sentences; " + platform + " replies work best in " + strconv.Itoa(lim.MaxSentences) + " or fewer",
			Suggestion: "merge or drop sentences so the point fits in a glance"})
	}
	if g := p.Config.MaxGrade; g > 0 && words >= 15 && len(d.Sentences) > 0 {
		if grade := readingGrade(d, words); grade > g {
			p.Report(analysis.Finding{Start: 0, End: len(strings.TrimRightFunc(d.Text, unicode.IsSpace)), Severity: analysis.Info,
				Message:    "reads at about grade " + strconv.FormatFloat(math.Ceil(grade), 'f', 0, 64) + "; aim for grade " + strconv.FormatFloat(g, 'f', 0, 64) + " or below",
				Suggestion: "use shorter sentences and everyday words"})
		}
	}
}

// readingGrade is the Flesch–Kincaid grade level.
func readingGrade(d *lex.Doc, words int) float64 {
	syl := 0
	for i := range d.Words { // by index: a Word is too big to copy per word
		w := &d.Words[i]
		if len(w.Lower) <= 3 {
			syl++ // most words: no call
			continue
		}
		syl += syllables(w.Lower, w.Shape&text.NonASCII != 0)
	}
	return 0.39*float64(words)/float64(len(d.Sentences)) + 11.8*float64(syl)/float64(len(d.Words)) - 15.59
}

// syllables estimates English syllables by vowel groups. nonASCII says
// w may have a byte outside ASCII (the word's Shape tells: no pass ORs
// the bytes to find out).
func syllables(w string, nonASCII bool) int {
	if len(w) <= 3 {
		return 1
	}
	// One branch-free pass counts vowel groups; runes (the bytes that are
	// not continuation bytes) are counted again only for words with a
	// non-ASCII byte, which are rare.
	n, prev := 0, uint8(0)
	for i := 0; i < len(w); i++ {
		v := vowel[w[i]] // bytes of multi-byte runes are never vowels
		n += int(v &^ prev)
		prev = v
	}
	if nonASCII && len(w)-continuations(w) <= 3 {
		return 1
	}
	if w[len(w)-1] == 'e' && w[len(w)-2] != 'l' && n > 1 {
		n-- // a silent final "e", not "le"
	}
	if n == 0 {
		n = 1
	}
	return n
}

// continuations counts the UTF-8 continuation bytes of w.
func continuations(w string) int {
	cont := 0
	for i := 0; i < len(w); i++ {
		if w[i]&0xc0 == 0x80 {
			cont++
		}
	}
	return cont
}

var vowel = [256]uint8{'a': 1, 'e': 1, 'i': 1, 'o': 1, 'u': 1, 'y': 1}
