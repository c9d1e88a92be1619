package bundle

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestSHA512MatchesStandardLibrary(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 600; n++ {
		msg := make([]byte, n)
		for i := range msg {
			msg[i] = byte(rng.UintN(256))
		}
		cut := 0
		if n > 0 {
			cut = rng.IntN(n)
		}
		if got, want := sum512(msg[:cut], msg[cut:]), sha512.Sum512(msg); got != want {
			t.Fatalf("len %d split %d: sum512 differs from crypto/sha512", n, cut)
		}
	}
}

func TestBase64MatchesStandardLibrary(t *testing.T) {
	for n := 0; n < 70; n++ {
		b := bytes.Repeat([]byte{byte(n), 0xfe, 0x37}, n)[:n]
		enc := encodeBase64(b)
		if want := base64.StdEncoding.EncodeToString(b); enc != want {
			t.Fatalf("encode %d bytes: %q, want %q", n, enc, want)
		}
		if n == 0 {
			continue
		}
		got, ok := decodeBase64(enc)
		if !ok || !bytes.Equal(got, b) {
			t.Fatalf("decode %q: %x %v", enc, got, ok)
		}
		if got, ok := decodeBase64(strings.TrimRight(enc, "=")); !ok || !bytes.Equal(got, b) {
			t.Fatalf("decode unpadded %q failed", enc)
		}
	}
	for _, bad := range []string{"", "a", "ab$d", "ab=c", "abc=="} {
		if _, ok := decodeBase64(bad); ok {
			t.Errorf("decodeBase64(%q) accepted", bad)
		}
	}
}

func TestVerifyEd25519AgreesWithStandardLibrary(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 40 {
		seed := make([]byte, 32)
		for j := range seed {
			seed[j] = byte(rng.UintN(256))
		}
		priv := ed25519.NewKeyFromSeed(seed)
		pub := PublicKey(priv.Public().(ed25519.PublicKey))
		msg := []byte(strings.Repeat("policy ", i))
		sig := ed25519.Sign(priv, msg)
		if !verifyEd25519(pub, msg, sig) {
			t.Fatalf("case %d: a valid signature was refused", i)
		}
		bad := append([]byte(nil), sig...)
		bad[rng.IntN(64)] ^= 1 << rng.UintN(8)
		if verifyEd25519(pub, msg, bad) != ed25519.Verify(ed25519.PublicKey(pub), msg, bad) {
			t.Fatalf("case %d: disagrees with crypto/ed25519 on a flipped signature bit", i)
		}
		if verifyEd25519(pub, append(msg, 'x'), sig) {
			t.Fatalf("case %d: a changed message verified", i)
		}
	}
}

type testKey struct {
	priv ed25519.PrivateKey
	pub  PublicKey
}

func newTestKey(seed byte) testKey {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, 32))
	return testKey{priv, PublicKey(priv.Public().(ed25519.PublicKey))}
}

const testPolicy = `{"name": "Riverside Family Dental", "version": "2026.12.1",
  "response_window": {"hours": 4}, "practice": {"phones": ["(555) 010-2000"]}}`

func sign(t *testing.T, k testKey, policy string, serial int64) []byte {
	t.Helper()
	u, msg, err := Prepare(k.pub, []byte(policy), serial, "2026-12-03T07:40:00Z")
	if err != nil {
		t.Fatal(err)
	}
	return u.Encode(ed25519.Sign(k.priv, msg))
}

func kindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return ""
}

func TestOpenSignedBundle(t *testing.T) {
	k := newTestKey(7)
	data := sign(t, k, testPolicy, 14)
	o, err := Open(data, k.pub, 0)
	if err != nil {
		t.Fatal(err)
	}
	if o.Serial != 14 || o.KeyID != KeyID(k.pub) || o.Policy.Name != "Riverside Family Dental" {
		t.Fatalf("opened %+v %q", o.Bundle, o.Policy.Name)
	}
	if !json.Valid(data) {
		t.Fatalf("the bundle is not JSON:\n%s", data)
	}
}

// Reformatting (indentation, key order, escapes) keeps a bundle valid; the
// signature covers values, not bytes.
func TestReformattedBundleStillVerifies(t *testing.T) {
	k := newTestKey(7)
	data := sign(t, k, testPolicy, 3)
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	pretty, _ := json.MarshalIndent(doc, "", "\t") // sorted keys, escaped <>&
	if _, err := Open(pretty, k.pub, 0); err != nil {
		t.Fatalf("re-indented bundle refused: %v", err)
	}
}

func TestTamperedBundles(t *testing.T) {
	k := newTestKey(7)
	other := newTestKey(8)
	good := string(sign(t, k, testPolicy, 14))
	cases := []struct {
		name string
		data string
		pub  PublicKey
		in   int64
		kind Kind
		path string
	}{
		{"policy changed", strings.Replace(good, `"hours":4`, `"hours":5`, 1), k.pub, 0, KindSignature, "signature"},
		{"serial changed", strings.Replace(good, `"serial": 14`, `"serial": 15`, 1), k.pub, 0, KindSignature, "signature"},
		{"other key", good, other.pub, 0, KindKeyID, "key_id"},
		{"key id forged", strings.Replace(good, KeyID(k.pub), KeyID(other.pub), 1), other.pub, 0, KindSignature, "signature"},
		{"equal serial", good, k.pub, 14, KindSerial, "serial"},
		{"lower serial", good, k.pub, 20, KindSerial, "serial"},
		{"extra field", strings.Replace(good, `{`, `{"note": "x",`, 1), k.pub, 0, KindFormat, "note"},
		{"duplicate field", strings.Replace(good, `{`, `{"serial": 99,`, 1), k.pub, 0, KindFormat, "serial"},
		{"wrong format", strings.Replace(good, Format, "replyguard-policy-bundle/9", 1), k.pub, 0, KindFormat, "format"},
		{"negative serial", strings.Replace(good, `"serial": 14`, `"serial": -14`, 1), k.pub, 0, KindFormat, "serial"},
		{"fractional serial", strings.Replace(good, `"serial": 14`, `"serial": 14.5`, 1), k.pub, 0, KindFormat, "serial"},
		{"bad time", strings.Replace(good, "07:40:00Z", "07:40:00+01:00", 1), k.pub, 0, KindFormat, "issued_at"},
		{"short signature", strings.Replace(good, `"signature": "`, `"signature": "AAAA`, 1), k.pub, 0, KindFormat, "signature"},
		{"not JSON", good[:len(good)/2], k.pub, 0, KindFormat, ""},
		{"a plain policy", testPolicy, k.pub, 0, KindFormat, "format"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Open([]byte(c.data), c.pub, c.in)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Open = %v, want a bundle error", err)
			}
			if e.Kind != c.kind || e.Path != c.path {
				t.Fatalf("got %s at %q (%v), want %s at %q", e.Kind, e.Path, err, c.kind, c.path)
			}
		})
	}
}

func TestInvalidPolicyNamesItsPath(t *testing.T) {
	k := newTestKey(7)
	data := sign(t, k, `{"name": "X", "rules": {"length": {"facebook": {"max_words": -3}}}}`, 2)
	_, err := Open(data, k.pub, 0)
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindPolicy {
		t.Fatalf("Open = %v, want a policy error", err)
	}
	if !strings.HasPrefix(e.Path, "policy.rules.length.facebook.max_words") || len(e.Problems) == 0 {
		t.Fatalf("path %q problems %v", e.Path, e.Problems)
	}
}

func TestParsePublicKeyForms(t *testing.T) {
	k := newTestKey(9)
	der, err := x509.MarshalPKIXPublicKey(ed25519.PublicKey(k.pub))
	if err != nil {
		t.Fatal(err)
	}
	pemText := string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
	if pemText != EncodePublicKey(k.pub) {
		t.Fatalf("EncodePublicKey differs from x509+pem:\n%s\n%s", pemText, EncodePublicKey(k.pub))
	}
	for _, form := range []string{pemText, base64.StdEncoding.EncodeToString(der), base64.StdEncoding.EncodeToString(k.pub)} {
		got, err := ParsePublicKey(form)
		if err != nil || !bytes.Equal(got, k.pub) {
			t.Fatalf("ParsePublicKey(%q) = %x, %v", form, got, err)
		}
	}
	privDER, _ := x509.MarshalPKCS8PrivateKey(k.priv)
	privPEM := string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: privDER}))
	for _, bad := range []string{privPEM, "hello", base64.StdEncoding.EncodeToString(make([]byte, 31))} {
		if _, err := ParsePublicKey(bad); kindOf(err) != KindKey {
			t.Errorf("ParsePublicKey(%.30q) = %v, want a key error", bad, err)
		}
	}
}

// The signature covers jsonschema.Encode's output: pin it, so a change there
// (which would void every signed bundle) cannot pass unnoticed.
func TestCanonicalEncoding(t *testing.T) {
	for in, want := range map[string]string{
		`{ "b" : 1, "a" : [true, null, "x\u00e9\n\u0001\/"] }`:    `{"a":[true,null,"xé\n\u0001/"],"b":1}`,
		`{"n": -0, "f": 1.50, "e": 1E3, "s": "\ud83d\ude00 <&>"}`: `{"e":1000,"f":1.50,"n":0,"s":"😀 \u003c\u0026\u003e"}`,
	} {
		u, _, err := Prepare(newTestKey(1).pub, []byte(in), 1, "2026-01-01T00:00:00Z")
		if err != nil {
			t.Fatal(err)
		}
		if got := string(u.Policy); got != want {
			t.Errorf("canonical(%s) = %s, want %s", in, got, want)
		}
	}
	for _, bad := range []string{`{"a":1,}`, `{"a":01}`, `{"a":"\ud800}`, `{"a":1}x`, `{"a":1,"a":2}`, `[1]`} {
		if _, _, err := Prepare(newTestKey(1).pub, []byte(bad), 1, "2026-01-01T00:00:00Z"); err == nil {
			t.Errorf("Prepare(%s) accepted", bad)
		}
	}
}

func TestReduce512MatchesBigInt(t *testing.T) {
	L, _ := new(big.Int).SetString("7237005577332262213973186563042994240857116359379907606001950938285454250989", 10)
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		h := make([]byte, 64)
		for i := range h {
			h[i] = byte(rng.UintN(256))
		}
		le := slices.Clone(h)
		slices.Reverse(le)
		want := new(big.Int).Mod(new(big.Int).SetBytes(le), L)
		got := reduce512(h)
		slices.Reverse(got)
		if new(big.Int).SetBytes(got).Cmp(want) != 0 {
			t.Fatalf("reduce512(%x) wrong", h)
		}
	}
}

// A signature whose S is pushed past the group order is the same point
// equation, but must be refused (crypto/ed25519 refuses it too).
func TestNonCanonicalSignatureRefused(t *testing.T) {
	k := newTestKey(11)
	msg := []byte("serial 3")
	sig := ed25519.Sign(k.priv, msg)
	L, _ := new(big.Int).SetString("7237005577332262213973186563042994240857116359379907606001950938285454250989", 10)
	s := slices.Clone(sig[32:])
	slices.Reverse(s)
	sPlusL := new(big.Int).Add(new(big.Int).SetBytes(s), L).FillBytes(make([]byte, 32))
	slices.Reverse(sPlusL)
	bad := append(slices.Clone(sig[:32]), sPlusL...)
	if verifyEd25519(k.pub, msg, bad) || ed25519.Verify(ed25519.PublicKey(k.pub), msg, bad) {
		t.Fatal("S+L accepted")
	}
}
