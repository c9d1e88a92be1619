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
)

// Rule is the seed rule "Keep it short": give people just enough.
var Rule = &analysis.Rule{
	Name:     "keep-it-short",
	Doc:      "replies must stay within the platform's word and sentence limits",
	Category: analysis.Length,
	Run:      runLength,
}

// countWords counts whitespace-separated tokens that contain a letter or
// digit (what a person counts as words) and returns where word number
// cut+1 starts (-1 if there are not that many). No allocation: it runs on
// every keystroke.
func countWords(text string, cut int) (n, cutStart int) {
	cutStart = -1
	start := -1
	hasAlnum := false
	end := func() {
		if start >= 0 && hasAlnum {
			if n == cut {
				cutStart = start
			}
			n++
		}
		start, hasAlnum = -1, false
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			// ASCII, most text: table lookups, no decoding.
			if asciiSpace[c] {
				end()
			} else {
				if start < 0 {
					start = i
				}
				hasAlnum = hasAlnum || asciiAlnum[c]
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			end()
		} else {
			if start < 0 {
				start = i
			}
			hasAlnum = hasAlnum || unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		i += size
	}
	end()
	return n, cutStart
}

func runLength(p *analysis.Pass) {
	d := p.Reply
	lim := p.Config.Length[p.Input.Platform]
	words, cutStart := countWords(d.Text, lim.MaxWords)
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
	for _, w := range d.Words {
		syl += syllables(w.Lower)
	}
	return 0.39*float64(words)/float64(len(d.Sentences)) + 11.8*float64(syl)/float64(len(d.Words)) - 15.59
}

// syllables estimates English syllables by vowel groups.
func syllables(w string) int {
	if len(w) <= 3 || utf8.RuneCountInString(w) <= 3 {
		return 1
	}
	n, prevVowel := 0, false
	for i := 0; i < len(w); i++ {
		v := vowel[w[i]] // bytes of multi-byte runes are never vowels
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	if w[len(w)-1] == 'e' && !strings.HasSuffix(w, "le") && n > 1 {
		n--
	}
	if n == 0 {
		n = 1
	}
	return n
}

var vowel = [256]bool{'a': true, 'e': true, 'i': true, 'o': true, 'u': true, 'y': true}

var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\n': true, '\t': true, '\r': true, '\v': true, '\f': true}

var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()
