package bundle

import (
	"bytes"
	"strings"
)

// PublicKey is a raw 32-byte Ed25519 public key.
type PublicKey []byte

// spkiPrefix is the DER of an Ed25519 SubjectPublicKeyInfo up to the key
// bytes (RFC 8410), the body of a "PUBLIC KEY" PEM block.
var spkiPrefix = []byte{0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00}

const (
	pemPublicBegin = "-----BEGIN PUBLIC KEY-----"
	pemPublicEnd   = "-----END PUBLIC KEY-----"
)

// ParsePublicKey reads a public key as written by `replyguard policy keygen`
// (PEM, the form openssl also writes), the base64 body of such a file on one
// line (for the options page and managed storage), or the base64 raw key.
func ParsePublicKey(text string) (PublicKey, error) {
	body := strings.TrimSpace(text)
	if strings.HasPrefix(body, "-----BEGIN") {
		if !strings.HasPrefix(body, pemPublicBegin) {
			return nil, keyError("the PEM block must be a PUBLIC KEY (is this the private key?)")
		}
		end := strings.Index(body, pemPublicEnd)
		if end < 0 {
			return nil, keyError("the PEM block has no END line")
		}
		body = body[len(pemPublicBegin):end]
	}
	der, ok := decodeBase64(body)
	switch {
	case !ok:
		return nil, keyError("not base64 or PEM")
	case len(der) == len(spkiPrefix)+32 && bytes.HasPrefix(der, spkiPrefix):
		der = der[len(spkiPrefix):]
	case len(der) != 32:
		return nil, keyError("not an Ed25519 public key")
	}
	if !validPoint(der) {
		return nil, keyError("not a point on the Ed25519 curve")
	}
	return PublicKey(der), nil
}

func keyError(msg string) error { return &Error{Kind: KindKey, Message: msg} }

// EncodePublicKey writes the PEM form of a public key.
func EncodePublicKey(pub PublicKey) string {
	der := append(append([]byte(nil), spkiPrefix...), pub...)
	return pemPublicBegin + "\n" + encodeBase64(der) + "\n" + pemPublicEnd + "\n"
}

// KeyID names a public key in bundles: the first 8 bytes of its SHA-512, in
// hex. It lets a verifier say "signed by another key" rather than "bad
// signature".
func KeyID(pub PublicKey) string {
	sum := sum512(pub)
	return hexString(sum[:8])
}

const base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// decodeBase64 reads standard base64; white space is skipped and padding is
// optional (encoding/base64 is left out of engine.wasm).
func decodeBase64(s string) ([]byte, bool) {
	var out []byte
	var acc uint32
	n, pad := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			continue
		case c == '=':
			pad++
			continue
		case pad > 0:
			return nil, false // data after padding
		}
		d := strings.IndexByte(base64Alphabet, c)
		if d < 0 {
			return nil, false
		}
		acc = acc<<6 | uint32(d)
		n++
		if n == 4 {
			out = append(out, byte(acc>>16), byte(acc>>8), byte(acc))
			acc, n = 0, 0
		}
	}
	switch n {
	case 1:
		return nil, false
	case 2:
		out = append(out, byte(acc>>4))
	case 3:
		out = append(out, byte(acc>>10), byte(acc>>2))
	}
	if pad > 0 && (n+pad)%4 != 0 {
		return nil, false
	}
	return out, len(out) > 0
}

func encodeBase64(b []byte) string {
	out := make([]byte, 0, (len(b)+2)/3*4)
	for i := 0; i < len(b); i += 3 {
		var chunk [3]byte
		m := copy(chunk[:], b[i:])
		v := uint32(chunk[0])<<16 | uint32(chunk[1])<<8 | uint32(chunk[2])
		for j := range 4 {
			if j <= m {
				out = append(out, base64Alphabet[v>>(18-6*j)&63])
			} else {
				out = append(out, '=')
			}
		}
	}
	return string(out)
}

func hexString(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}
