package score

import "math"

// The span veto judges each PHI finding of the rules on its own, from its
// local context: the frame that made it, the words of its span and of a few
// words either side, their word classes and a few facts about the reply
// (see core/veto.go, which names them). The reply-level model judges the
// whole reply and may demote a reply's PHI findings only when they are all
// weak; most false alarms on fresh text are a single finding in a context
// the rules misjudge, which the veto can see and the reply's score cannot.
// The engine vetoes a reply, not a finding: when every PHI finding of the
// reply scores under the threshold they all become info, never deleted;
// when one scores at or over it they all stay. The trainer chooses the
// thresholds against each reply's highest span score by
// leave-one-author-out cross-validation and switches the veto off (every
// threshold -Inf) when no threshold helps.

// Veto is the span veto's linear model over its own hashed table.
type Veto struct {
	bits  uint
	w     string // int8 weights, one per row
	bias  float64
	scale float64
	thr   [3]float64 // logits by Sensitivity.index; -Inf: off
}

// On reports whether the veto demotes anything at some sensitivity.
func (v *Veto) On() bool {
	for _, t := range v.thr {
		if !math.IsInf(t, -1) {
			return true
		}
	}
	return false
}

// Score is the log-odds that the finding whose features are f is right.
func (v *Veto) Score(f *SpanFeatures) float64 {
	var sum int32
	for _, h := range f.h {
		sum += int32(int8(v.w[Bucket(h, v.bits)]))
	}
	return v.bias + float64(v.scale*float64(sum))
}

// Keeps reports whether the finding whose features are f stays at sens.
func (v *Veto) Keeps(f *SpanFeatures, sens Sensitivity) bool {
	t := v.thr[sens.index()]
	return math.IsInf(t, -1) || v.Score(f) >= t
}

// SpanFeatures are the hashed features of one finding for the veto; the
// buffer is reused between findings and checks.
type SpanFeatures struct {
	h []uint64
}

// Reset empties f for the next finding.
func (f *SpanFeatures) Reset() { f.h = f.h[:0] }

// Len is the number of features.
func (f *SpanFeatures) Len() int { return len(f.h) }

// Hashes are the features' hashes (for the trainer).
func (f *SpanFeatures) Hashes() []uint64 { return f.h }

// Seeds of the veto's feature families.
var (
	seedVeto     = hashString(fnvOffset, "v:")
	seedVetoRule = hashString(seedVeto, "rule:")
	vetoBias     = hashString(seedVeto, "bias")
)

// Fact is the veto feature called name, hashed ahead of time.
type Fact uint64

// VetoFact hashes the veto feature called name.
func VetoFact(name string) Fact { return Fact(hashString(seedVeto, name)) }

// Identity records the bias, the rule and its frame (kind), and the frame
// with whether the finding is weak evidence.
func (f *SpanFeatures) Identity(rule string, kind uint8, weak bool) {
	h := step(hashString(seedVetoRule, rule), uint64(kind))
	w := uint64(0)
	if weak {
		w = 1
	}
	f.h = append(f.h, vetoBias, h, step(h^0xff, w))
}

// Add records fact x.
func (f *SpanFeatures) Add(x Fact) { f.h = append(f.h, uint64(x)) }

// Word records the lower-cased word w at position pos (a Fact naming the
// position: in the span, left or right of it).
func (f *SpanFeatures) Word(pos Fact, w string) { f.h = append(f.h, hashString(uint64(pos), w)) }

// Class records that a word at position pos is an entry of the
// vocabulary list whose fact is l (ListFactOf).
func (f *SpanFeatures) Class(pos Fact, l ListFact) {
	f.h = append(f.h, step(uint64(pos)^0x5bd1e995, uint64(l)))
}

// Vector appends f as a sparse vector over a table of 1<<bits rows, every
// value 1.
func (f *SpanFeatures) Vector(bits uint, dst []Entry) []Entry {
	for _, h := range f.h {
		dst = append(dst, Entry{Bucket(h, bits), 1, h})
	}
	return dst
}

// VetoParams are the veto's numbers before encoding.
type VetoParams struct {
	Bits       uint
	Weights    []int8 // 1<<Bits
	Bias       float32
	Scale      float32
	Thresholds [3]float32 // logits: low, normal, high sensitivity; -Inf: off
}

// vetoHeader is the veto section's size before its table: bits, then
// bias, scale and three thresholds as float32.
const vetoHeader = 1 + 5*4

func (p *VetoParams) encode(b []byte) []byte {
	b = append(b, byte(p.Bits))
	put := func(f float32) {
		u := math.Float32bits(f)
		b = append(b, byte(u), byte(u>>8), byte(u>>16), byte(u>>24))
	}
	put(p.Bias)
	put(p.Scale)
	for k := range 3 {
		put(p.Thresholds[k])
	}
	for _, w := range p.Weights {
		b = append(b, byte(w))
	}
	return b
}

// parseVeto reads the veto section, which is all of data.
func parseVeto(data string) (Veto, bool) {
	if len(data) < vetoHeader {
		return Veto{}, false
	}
	bits := uint(data[0])
	if bits < 1 || bits > 20 || len(data) != vetoHeader+1<<bits {
		return Veto{}, false
	}
	v := Veto{bits: bits, bias: f32(data[1:]), scale: f32(data[5:])}
	for k := range 3 {
		v.thr[k] = f32(data[9+4*k:])
	}
	v.w = data[vetoHeader:]
	return v, true
}

// NewVeto makes a veto from its numbers (for the trainer and tests).
func NewVeto(p *VetoParams) *Veto {
	v, ok := parseVeto(string(p.encode(nil)))
	if !ok {
		panic("score: bad veto params")
	}
	return &v
}

// AddHash records a feature by its hash (Entry.Hash), for the trainer.
func (f *SpanFeatures) AddHash(h uint64) { f.h = append(f.h, h) }
