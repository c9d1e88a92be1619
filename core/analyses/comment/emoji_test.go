package comment

import "testing"

// TestEmojiLeadBytes: Classify skips the emoji searches in text without
// bytes 0xf0 and 0xe2, so every emoji it counts must start with one.
func TestEmojiLeadBytes(t *testing.T) {
	for _, e := range append(append(append([]string{}, negativeEmoji...), positiveEmoji...), wearyEmoji...) {
		if e[0] != 0xf0 && e[0] != 0xe2 {
			t.Errorf("%q starts with byte %#x", e, e[0])
		}
	}
}
