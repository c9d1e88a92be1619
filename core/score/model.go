package score

import (
	"errors"
	"math"
	"sync"

	"github.com/replyguard/replyguard/internal/inflate"
)

// Cat is a category the scorer judges. Length is counted, not judged, so it
// has no model.
type Cat int

const (
	PHI Cat = iota
	Canned
	Manners
	Conduct
	Routing
	// NumCats is the number of categories with a model.
	NumCats = 5
)

var catNames = [NumCats]string{"phi", "canned", "manners", "conduct", "routing"}

// String is the category's name as the engine spells it ("phi").
func (c Cat) String() string { return catNames[c] }

// CatOf returns the scorer category called name, if there is one.
func CatOf(name string) (Cat, bool) {
	for i, n := range catNames {
		if n == name {
			return Cat(i), true
		}
	}
	return 0, false
}

// Sensitivity moves a category's threshold: "high" flags more (the
// threshold that maximised recall-weighted F2 in cross-validation), "low"
// flags less (precision-weighted F0.5), "normal" is the default.
type Sensitivity string

const (
	Low    Sensitivity = "low"
	Normal Sensitivity = "normal"
	High   Sensitivity = "high"
)

// index is s's slot in the model's thresholds; anything unknown is normal.
func (s Sensitivity) index() int {
	switch s {
	case Low:
		return 0
	case High:
		return 2
	}
	return 1
}

// Span is a byte range of the reply.
type Span struct{ Start, End int }

// Scores is the model's judgement of one reply.
type Scores struct {
	// Logit is each category's log-odds.
	Logit [NumCats]float64
	// Tokens is the number of tokens in the reply (0: nothing to judge).
	Tokens int
}

// Prob is the probability the model gives category c.
func (s *Scores) Prob(c Cat) float64 { return 1 / (1 + math.Exp(-s.Logit[c])) }

// Model is one linear model per category over a shared hashed table.
type Model struct {
	bits  uint
	w     string   // int8 weights, row-major: row*NumCats + category
	rows  []uint64 // the same, as lanes (see sum)
	bias  [NumCats]float64
	scale [NumCats]float64
	thr   [NumCats][3]float64 // logits by Sensitivity.index
	// keep is, per category and sensitivity, the logit a reply a rule
	// flagged must reach for the rule's findings to stay warnings (-Inf:
	// they always do).
	keep [NumCats][3]float64
	// weakKeep is the same for a reply whose rule findings of the
	// category are all weak (analysis.Finding.Weak).
	weakKeep [NumCats][3]float64
	// veto is the PHI span veto (veto.go).
	veto Veto
}

// The weights format: magic, table bits, category count, then per category
// bias, scale, three add, three keep and three weak-keep thresholds
// (float32, little-endian; low, normal, high), then the table, then the
// PHI span veto (VetoParams: table bits, bias, scale, three thresholds,
// its table).
const (
	magic      = "RGS4"
	headerSize = len(magic) + 2
	catSize    = 11 * 4
)

// Flags reports whether the score of c reaches the threshold for sens.
func (m *Model) Flags(s *Scores, c Cat, sens Sensitivity) bool {
	return s.Logit[c] >= m.thr[c][sens.index()]
}

// Keeps reports whether the score of c agrees with a rule that flagged c at
// sens: if not, the rule's findings are more likely false alarms and become
// info. weak says every one of them is weak evidence (analysis.Finding.Weak).
// The trainer lets the score overrule the rules only for categories where
// cross-validation shows it does better; for PHI it may overrule only
// replies whose findings are all weak (see internal/train).
func (m *Model) Keeps(s *Scores, c Cat, sens Sensitivity, weak bool) bool {
	if weak {
		return s.Logit[c] >= m.weakKeep[c][sens.index()]
	}
	return s.Logit[c] >= m.keep[c][sens.index()]
}

// Decides reports whether the score of c may demote rule findings at all
// (at some sensitivity): the trainer's choice for the category.
func (m *Model) Decides(c Cat) bool { return !math.IsInf(m.keep[c][0], -1) }

// Gates reports whether the score of c may demote rule findings that are
// all weak (at some sensitivity).
func (m *Model) Gates(c Cat) bool { return !math.IsInf(m.weakKeep[c][0], -1) }

// Threshold is the probability at which c is flagged at sens (above 1 when
// the scorer never flags c on its own).
func (m *Model) Threshold(c Cat, sens Sensitivity) float64 {
	t := m.thr[c][sens.index()]
	if math.IsInf(t, 1) {
		return math.Inf(1)
	}
	return 1 / (1 + math.Exp(-t))
}

// Veto is the model's PHI span veto.
func (m *Model) Veto() *Veto { return &m.veto }

// Bits is log2 of the number of table rows.
func (m *Model) Bits() uint { return m.bits }

var (
	defaultOnce  sync.Once
	defaultModel *Model
)

// Default is the model trained on the repository's labelled corpus
// (weights_gen.go).
func Default() *Model {
	defaultOnce.Do(func() {
		data, err := inflate.String(weightsData)
		if err != nil {
			panic("score: built-in weights: " + err.Error())
		}
		m, err := Parse(data)
		if err != nil {
			panic("score: built-in weights: " + err.Error())
		}
		defaultModel = m
	})
	return defaultModel
}

// Parse reads a model in the weights format; the table is used in place.
func Parse(data string) (*Model, error) {
	if len(data) < headerSize || data[:len(magic)] != magic {
		return nil, errors.New("not a scorer weights file")
	}
	bits, n := uint(data[len(magic)]), int(data[len(magic)+1])
	if bits < 1 || bits > 24 || n != NumCats {
		return nil, errors.New("unsupported table size or category count")
	}
	body := data[headerSize:]
	table := NumCats*catSize + (1<<bits)*NumCats
	if len(body) < table {
		return nil, errors.New("weights file has the wrong length")
	}
	veto, ok := parseVeto(body[table:])
	if !ok {
		return nil, errors.New("weights file has no valid span veto")
	}
	m := &Model{bits: bits, veto: veto}
	for c := range NumCats {
		p := body[c*catSize:]
		m.bias[c] = f32(p[0:])
		m.scale[c] = f32(p[4:])
		for k := range 3 {
			m.thr[c][k] = f32(p[8+4*k:])
		}
		for k := range 3 {
			m.keep[c][k] = f32(p[20+4*k:])
			m.weakKeep[c][k] = f32(p[32+4*k:])
		}
	}
	m.w = body[NumCats*catSize : table]
	m.rows = packRows(m.w)
	return m, nil
}

func f32(p string) float64 {
	return float64(math.Float32frombits(uint32(p[0]) | uint32(p[1])<<8 | uint32(p[2])<<16 | uint32(p[3])<<24))
}

// Params are a model's numbers before encoding (the trainer's output).
type Params struct {
	Bits       uint
	Weights    []int8 // (1<<Bits)*NumCats, row-major
	Bias       [NumCats]float32
	Scale      [NumCats]float32
	Thresholds [NumCats][3]float32 // logits: low, normal, high sensitivity
	Keep       [NumCats][3]float32 // logits, the same; -Inf: never demote
	WeakKeep   [NumCats][3]float32 // the same, for all-weak rule findings
	// Veto is the PHI span veto; a zero one (no table) encodes as a
	// one-row table that is switched off.
	Veto VetoParams
}

// Encode writes p in the weights format.
func (p *Params) Encode() []byte {
	b := make([]byte, 0, headerSize+NumCats*catSize+len(p.Weights))
	b = append(b, magic...)
	b = append(b, byte(p.Bits), NumCats)
	put := func(f float32) {
		u := math.Float32bits(f)
		b = append(b, byte(u), byte(u>>8), byte(u>>16), byte(u>>24))
	}
	for c := range NumCats {
		put(p.Bias[c])
		put(p.Scale[c])
		for k := range 3 {
			put(p.Thresholds[c][k])
		}
		for k := range 3 {
			put(p.Keep[c][k])
		}
		for k := range 3 {
			put(p.WeakKeep[c][k])
		}
	}
	for _, w := range p.Weights {
		b = append(b, byte(w))
	}
	v := p.Veto
	if v.Bits == 0 {
		off := float32(math.Inf(-1))
		v = VetoParams{Bits: 1, Weights: make([]int8, 2), Thresholds: [3]float32{off, off, off}}
	}
	return v.encode(b)
}

// Score judges one reply. f is the caller's buffer, reused between checks
// (it is not safe for concurrent use); facts may be nil.
func (m *Model) Score(f *Features, in Input, facts *Facts) Scores {
	f.Extract(in, facts)
	return m.ScoreFeatures(f)
}

// ScoreFeatures judges already extracted features.
func (m *Model) ScoreFeatures(f *Features) Scores {
	var text, comment, fixed [NumCats]int32
	m.sum(&text, f.text)
	m.sum(&comment, f.comment)
	m.sum(&fixed, f.fixed)
	s := Scores{Tokens: len(f.tokens)}
	vt, vc := invSqrt(len(f.text)), invSqrt(len(f.comment))
	// Each product is rounded on its own (float64(...)), so no platform
	// fuses them: the trainer picks thresholds from these very numbers.
	for c := range NumCats {
		sum := float64(float64(text[c])*vt) + float64(float64(comment[c])*vc) + float64(fixed[c])
		s.Logit[c] = m.bias[c] + float64(m.scale[c]*sum)
	}
	return s
}

// Span finds the word, or two neighbouring words, of the reply whose
// features pushed c's score up most (the features of the last Score or
// Extract into f); it is empty when no word did. Only flagged categories
// need one, so it is not part of Score.
func (m *Model) Span(f *Features, c Cat) Span {
	var best, prev int32
	var sp Span
	for i := range f.tokens {
		tk := &f.tokens[i]
		var u int32
		for _, h := range f.text[tk.lo:tk.hi] {
			u += m.weight(h, c)
		}
		if u > best {
			best, sp = u, Span{int(tk.start), int(tk.end)}
		}
		// Two words win together when both push the same way.
		if i > 0 && u > 0 && prev > 0 && u+prev > best {
			best, sp = u+prev, Span{int(f.tokens[i-1].start), int(tk.end)}
		}
		prev = u
	}
	return sp
}

// weight is feature h's weight for c.
func (m *Model) weight(h uint64, c Cat) int32 {
	return int32(int8(m.w[int(Bucket(h, m.bits))*NumCats+int(c)]))
}

// Each row's five weights, plus 128 (0 to 255), sit in one uint64 as lanes
// of 12 bits (Model.rows): adding a row adds all five at once, and up to
// 16 rows fit before a lane can carry into the next.
const (
	laneBits = 12
	laneMask = 1<<laneBits - 1
	laneRows = 1 << (laneBits - 8)
)

// packRows lays out the int8 table w as lanes.
func packRows(w string) []uint64 {
	rows := make([]uint64, len(w)/NumCats)
	for r := range rows {
		for c := range NumCats {
			rows[r] |= uint64(int(int8(w[r*NumCats+c]))+128) << (laneBits * c)
		}
	}
	return rows
}

// sum adds the weights of the features hs to acc, sixteen rows at a time.
func (m *Model) sum(acc *[NumCats]int32, hs []uint64) {
	for len(hs) > 0 {
		n := min(len(hs), laneRows)
		lanes := sumRows(m.rows, 64-m.bits, hs[:n])
		hs = hs[n:]
		bias := int32(n) * 128
		acc[0] += int32(lanes&laneMask) - bias
		acc[1] += int32(lanes>>laneBits&laneMask) - bias
		acc[2] += int32(lanes>>(2*laneBits)&laneMask) - bias
		acc[3] += int32(lanes>>(3*laneBits)&laneMask) - bias
		acc[4] += int32(lanes>>(4*laneBits)&laneMask) - bias
	}
}

// sumRows adds the lanes of the rows of hs (at most laneRows of them).
// The shipped table's size gets its own loop: a constant shift and no
// bounds check (x86 shifts by a variable only through one register, which
// cost the general loop a spill per feature).
func sumRows(rows []uint64, shift uint, hs []uint64) uint64 {
	var lanes uint64
	if shift == 64-shippedBits && len(rows) == 1<<shippedBits {
		t := (*[1 << shippedBits]uint64)(rows)
		for _, h := range hs {
			h ^= h >> 32
			lanes += t[(h*golden)>>(64-shippedBits)]
		}
		return lanes
	}
	for _, h := range hs {
		h ^= h >> 32
		lanes += rows[(h*golden)>>(shift&63)]
	}
	return lanes
}

// shippedBits is the table size the trainer uses (train.Defaults.Bits).
const shippedBits = 12

func invSqrt(n int) float64 {
	if n == 0 {
		return 0
	}
	return 1 / math.Sqrt(float64(n))
}
