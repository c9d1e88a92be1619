package wn

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestKnownTerms(t *testing.T) {
	want := map[Class][]string{
		BodyPart:     {"molar", "molars", "tooth", "teeth", "wisdom tooth", "wisdom teeth", "gingiva", "jaw", "root canal", "vertebra", "vertebrae"},
		Disorder:     {"gingivitis", "periodontitis", "periodontal disease", "gum disease", "diabetes", "cavity", "cavities", "tooth decay", "malocclusion", "fracture", "fractures", "covid-19"},
		Symptom:      {"toothache", "toothaches", "abscess", "abscesses", "migraine", "nausea", "dry socket"},
		Procedure:    {"x-ray", "x-rays", "radiograph", "radiographs", "biopsy", "biopsies", "root canal treatment", "checkup", "colonoscopy", "ct scan", "anesthesia"},
		Drug:         {"amoxicillin", "ibuprofen", "penicillin", "antibiotic", "antibiotics", "vaccine", "laughing gas", "lidocaine", "botox", "ozempic"},
		Device:       {"braces", "retainer", "retainers", "denture", "dentures", "dental implant", "aligners", "invisalign", "night guard", "hearing aid", "wheelchair"},
		Professional: {"orthodontist", "orthodontists", "dentist", "dental hygienist", "hygienists", "pediatrician", "nurse practitioner", "oral surgeon"},
	}
	for c, terms := range want {
		have := Terms(c)
		for _, term := range terms {
			if _, ok := slices.BinarySearch(have, term); !ok {
				t.Errorf("%s: %q missing", c, term)
			}
		}
	}
}

// TestEveryday: a single word WordNet also gives an everyday meaning, a
// hand term WordNet knows in another sense, and a general.txt word need
// care context; words with one medical meaning and words WordNet lacks do not.
func TestEveryday(t *testing.T) {
	for _, tc := range []struct {
		c        Class
		term     string
		everyday bool
	}{
		{Device, "retainer", true}, {Device, "retainers", true}, {Procedure, "lunge", true}, {Disorder, "mole", true},
		{Disorder, "illness", true}, {Device, "inhaler", false}, {Device, "aligner", false}, {Disorder, "gingivitis", false},
		{Procedure, "root canal treatment", false},
	} {
		if _, ok := slices.BinarySearch(Terms(tc.c), tc.term); !ok {
			t.Errorf("%s: %q is no term", tc.c, tc.term)
		}
		if _, got := slices.BinarySearch(Everyday(tc.c), tc.term); got != tc.everyday {
			t.Errorf("%s: Everyday has %q = %v, want %v", tc.c, tc.term, got, tc.everyday)
		}
	}
}

// TestEverydayWordsAbsent: WordNet files these under care senses too, but in
// a reply they are everyday words; the data rules or stop.txt keep them out.
func TestEverydayWordsAbsent(t *testing.T) {
	everyday := []string{"back", "hand", "hands", "drink", "crown", "bridge", "plate", "cast", "shot", "pot", "heart",
		"cold", "face", "bill", "complaint", "filling", "cap", "area", "side", "body", "cut", "break", "operation",
		"specialist", "founder", "dope", "max", "vet", "asylum", "scan", "ms", "dr.", "ed", "intern", "eye", "head"}
	stop := readList(t, "lists/stop.txt")
	for _, c := range Classes() {
		have := Terms(c)
		for _, term := range slices.Concat(everyday, stop) {
			if _, ok := slices.BinarySearch(have, term); ok {
				t.Errorf("%s: everyday word %q present", c, term)
			}
		}
	}
}

func TestTermsWellFormed(t *testing.T) {
	total := 0
	for _, c := range Classes() {
		terms := Terms(c)
		total += len(terms)
		if len(terms) < 50 {
			t.Errorf("%s: only %d terms", c, len(terms))
		}
		if !slices.IsSorted(terms) || len(slices.Compact(slices.Clone(terms))) != len(terms) {
			t.Errorf("%s: terms not sorted and unique", c)
		}
		for _, term := range terms {
			if term != strings.ToLower(term) || term != strings.Join(strings.Fields(term), " ") || strings.ContainsAny(term, "_|") {
				t.Errorf("%s: malformed term %q", c, term)
			}
		}
		if c.String() == "" || strings.HasPrefix(c.String(), "Class(") {
			t.Errorf("class %d has no name", c)
		}
	}
	if Terms(numClasses) != nil || numClasses.String() != "Class(7)" {
		t.Error("an unknown class must have no terms and a numbered name")
	}
	t.Logf("%d terms in %d classes", total, numClasses)
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{
		"molar": "molars", "biopsy": "biopsies", "x-ray": "x-rays", "abscess": "abscesses", "sinus": "sinuses",
		"rash": "rashes", "contact lens": "contact lenses", "toric lens": "toric lenses", "stitch": "stitches", "thorax": "thoraxes", "diabetes": "", "braces": "",
		"medical man": "medical men", "human": "humans", "day": "days",
	} {
		if got := Plural(in); got != want {
			t.Errorf("Plural(%q) = %q, want %q", in, got, want)
		}
	}
}

// readList returns the first field of each entry of a hand list.
func readList(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && line[0] != '#' {
			term, _, _ := strings.Cut(line, " | ")
			out = append(out, term)
		}
	}
	return out
}
