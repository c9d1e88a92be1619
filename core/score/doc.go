// Package score is the learned scorer that sits beside the rules: one linear
// model per category over hashed features of the reply (words,
// character n-grams, word shapes), the comment's words, the platform and the
// facts the rules and analyses found (see Facts). The rules give spans and
// reasons; the scorer judges the reply as a whole and catches what no rule
// spans.
//
// The weights are generated data (weights_gen.go, written by
// cmd/replyguard-train, `./build.sh train`), int8 per category with a scale,
// deflated in a string constant and inflated once by Default: go:embed
// would link package time into engine.wasm. Scoring reads the words the
// engine's documents (core/text) already tokenised for the rules, and of
// the text only the bytes between words; it allocates nothing beyond
// buffers reused between checks and uses no reflection, fmt or
// encoding/json.
package score
