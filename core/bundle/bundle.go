package bundle

import (
	"strconv"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/policies/jsonschema"
)

// Format is the bundle format tag this package reads and writes.
const Format = "replyguard-policy-bundle/1"

// MaxSerial keeps serials exact in JavaScript numbers.
const MaxSerial = 1<<53 - 1

// MaxSize bounds a bundle, as the server and the extension do.
const MaxSize = 512 << 10

// Kind says which part of a bundle is wrong.
type Kind string

const (
	KindFormat    Kind = "format"    // not a bundle, or a field is malformed
	KindKey       Kind = "key"       // the public key itself is unusable
	KindKeyID     Kind = "key_id"    // signed with another key
	KindSignature Kind = "signature" // the signature does not match
	KindPolicy    Kind = "policy"    // the signed policy is invalid
	KindSerial    Kind = "serial"    // not newer than the policy in force
)

// Error is what is wrong with a bundle. Path is a JSON path into the bundle
// ("serial", "policy.rules.length"), empty when the whole bundle is meant.
type Error struct {
	Kind     Kind
	Path     string
	Message  string
	Problems core.PolicyErrors // for KindPolicy: every problem, paths inside the policy
}

func (e *Error) Error() string {
	if e.Path == "" || e.Path == string(e.Kind) {
		return string(e.Kind) + ": " + e.Message
	}
	return string(e.Kind) + ": " + e.Path + ": " + e.Message
}

func formatError(path, msg string) error { return &Error{Kind: KindFormat, Path: path, Message: msg} }

// Bundle is a parsed bundle. Policy is the canonical encoding of the signed
// policy: the exact bytes that were signed, and that a verifier applies.
type Bundle struct {
	KeyID     string
	IssuedAt  string
	Serial    int64
	Policy    []byte
	Signature []byte

	message []byte // the canonical encoding of everything but the signature
}

// fields are the members of a bundle, in the order Encode writes them.
var fields = [...]string{"format", "key_id", "issued_at", "serial", "policy", "signature"}

// Parse reads a bundle and checks its shape; it does not verify it.
func Parse(data []byte) (*Bundle, error) {
	if len(data) > MaxSize {
		return nil, formatError("", "larger than "+strconv.Itoa(MaxSize>>10)+" KB")
	}
	doc, err := decode(data)
	if err != nil {
		return nil, err
	}
	root, ok := doc.(*jsonschema.Object)
	if !ok {
		return nil, formatError("", "must be a JSON object (a signed policy bundle), not "+typeName(doc))
	}
	str := func(name string) (string, error) {
		v, ok := root.Values[name]
		if !ok {
			return "", formatError(name, "missing")
		}
		s, ok := v.(string)
		if !ok {
			return "", formatError(name, "must be a string, not "+typeName(v))
		}
		return s, nil
	}
	format, err := str("format")
	if err != nil {
		return nil, formatError("format", "missing: this is not a signed policy bundle (sign it with `replyguard policy sign`)")
	}
	if format != Format {
		return nil, formatError("format", "must be \""+Format+"\" (is this a signed bundle?)")
	}
	for _, k := range root.Keys {
		if !known(k) {
			return nil, formatError(k, "unknown field")
		}
	}
	b := &Bundle{}
	if b.KeyID, err = str("key_id"); err != nil {
		return nil, err
	}
	if !isKeyID(b.KeyID) {
		return nil, formatError("key_id", "must be 16 lower-case hex digits")
	}
	if b.IssuedAt, err = str("issued_at"); err != nil {
		return nil, err
	}
	if !isTimestamp(b.IssuedAt) {
		return nil, formatError("issued_at", "must be a UTC time like 2026-12-03T07:40:00Z")
	}
	serial, ok := root.Values["serial"]
	if !ok {
		return nil, formatError("serial", "missing")
	}
	if b.Serial, ok = integer(serial); !ok || b.Serial < 1 || b.Serial > MaxSerial {
		return nil, formatError("serial", "must be a whole number from 1 to "+strconv.FormatInt(MaxSerial, 10))
	}
	policy, ok := root.Values["policy"].(*jsonschema.Object)
	if !ok {
		return nil, formatError("policy", "must be a policy object, not "+typeName(root.Values["policy"]))
	}
	b.Policy = jsonschema.Encode(policy)
	sig, err := str("signature")
	if err != nil {
		return nil, err
	}
	if b.Signature, ok = decodeBase64(sig); !ok || len(b.Signature) != 64 {
		return nil, formatError("signature", "must be the base64 of a 64-byte Ed25519 signature")
	}
	b.message = signedMessage(b.KeyID, b.IssuedAt, b.Serial, b.Policy)
	return b, nil
}

func known(key string) bool {
	for _, f := range fields {
		if f == key {
			return true
		}
	}
	return false
}

// signedMessage is the canonical encoding of a bundle without its
// signature: keys in byte order, so format, issued_at, key_id, policy, serial.
func signedMessage(keyID, issuedAt string, serial int64, canonicalPolicy []byte) []byte {
	b := append([]byte(nil), `{"format":`...)
	b = AppendString(b, Format)
	b = append(b, `,"issued_at":`...)
	b = AppendString(b, issuedAt)
	b = append(b, `,"key_id":`...)
	b = AppendString(b, keyID)
	b = append(b, `,"policy":`...)
	b = append(b, canonicalPolicy...)
	b = append(b, `,"serial":`...)
	b = strconv.AppendInt(b, serial, 10)
	return append(b, '}')
}

// Verify checks that the bundle was signed by pub.
func (b *Bundle) Verify(pub PublicKey) error {
	if id := KeyID(pub); id != b.KeyID {
		return &Error{Kind: KindKeyID, Path: "key_id", Message: "signed with key " + b.KeyID + ", but the public key configured here is " + id}
	}
	if !verifyEd25519(pub, b.message, b.Signature) {
		return &Error{Kind: KindSignature, Path: "signature", Message: "does not match the bundle (it was changed after signing, or signed by another key)"}
	}
	return nil
}

// Opened is a verified bundle with its compiled policy.
type Opened struct {
	*Bundle
	Policy *core.Policy
	Engine *core.Engine
}

// Open parses and verifies a bundle, refuses one whose serial is not above
// inForce (0 when no signed policy is in force), and validates the policy the
// way `replyguard policy check` does. Every consumer (CLI, server, engine.wasm)
// goes through here.
func Open(data []byte, pub PublicKey, inForce int64) (*Opened, error) {
	b, err := Parse(data)
	if err != nil {
		return nil, err
	}
	if err := b.Verify(pub); err != nil {
		return nil, err
	}
	if b.Serial <= inForce {
		return nil, &Error{Kind: KindSerial, Path: "serial", Message: strconv.FormatInt(b.Serial, 10) + " is not above " + strconv.FormatInt(inForce, 10) + ", the serial in force"}
	}
	p, e, err := CompilePolicy(b.Policy)
	if err != nil {
		return nil, err
	}
	return &Opened{Bundle: b, Policy: p, Engine: e}, nil
}

// CompilePolicy validates policy JSON as `replyguard policy check` does; a
// failure is a KindPolicy *Error listing every problem.
func CompilePolicy(data []byte) (*core.Policy, *core.Engine, error) {
	p, err := core.ParsePolicy(data)
	var e *core.Engine
	if err == nil {
		e, err = core.NewEngine(p)
	}
	if err == nil {
		return p, e, nil
	}
	pe, ok := err.(core.PolicyErrors)
	if !ok || len(pe) == 0 {
		pe = core.PolicyErrors{{Message: err.Error()}}
	}
	first := pe[0]
	path := "policy"
	if first.Path != "" {
		path += "." + first.Path
	}
	return nil, nil, &Error{Kind: KindPolicy, Path: path, Message: first.Message, Problems: pe}
}

// Unsigned is a bundle about to be signed.
type Unsigned struct {
	KeyID    string
	IssuedAt string
	Serial   int64
	Policy   []byte // canonical
}

// Prepare builds the bundle for policy JSON (validated by the caller) and
// returns the message to sign.
func Prepare(pub PublicKey, policy []byte, serial int64, issuedAt string) (*Unsigned, []byte, error) {
	if serial < 1 || serial > MaxSerial {
		return nil, nil, formatError("serial", "must be a whole number from 1 to "+strconv.FormatInt(MaxSerial, 10))
	}
	if !isTimestamp(issuedAt) {
		return nil, nil, formatError("issued_at", "must be a UTC time like 2026-12-03T07:40:00Z")
	}
	doc, problems := jsonschema.Decode(policy)
	obj, ok := doc.(*jsonschema.Object)
	if len(problems) > 0 || !ok {
		return nil, nil, &Error{Kind: KindPolicy, Message: "must be a JSON object"}
	}
	u := &Unsigned{KeyID: KeyID(pub), IssuedAt: issuedAt, Serial: serial, Policy: jsonschema.Encode(obj)}
	return u, signedMessage(u.KeyID, u.IssuedAt, u.Serial, u.Policy), nil
}

// Encode writes the signed bundle, one field per line.
func (u *Unsigned) Encode(signature []byte) []byte {
	b := append([]byte(nil), "{\n  \"format\": "...)
	b = AppendString(b, Format)
	b = append(b, ",\n  \"key_id\": "...)
	b = AppendString(b, u.KeyID)
	b = append(b, ",\n  \"issued_at\": "...)
	b = AppendString(b, u.IssuedAt)
	b = append(b, ",\n  \"serial\": "...)
	b = strconv.AppendInt(b, u.Serial, 10)
	b = append(b, ",\n  \"signature\": "...)
	b = AppendString(b, encodeBase64(signature))
	b = append(b, ",\n  \"policy\": "...)
	b = append(b, u.Policy...)
	return append(b, "\n}\n"...)
}

func isKeyID(s string) bool {
	if len(s) != 16 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !(s[i] >= '0' && s[i] <= '9' || s[i] >= 'a' && s[i] <= 'f') {
			return false
		}
	}
	return true
}

// isTimestamp accepts YYYY-MM-DDTHH:MM:SSZ (package time stays out of
// engine.wasm).
func isTimestamp(s string) bool {
	const layout = "dddd-dd-ddTdd:dd:ddZ"
	if len(s) != len(layout) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if layout[i] == 'd' {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		} else if s[i] != layout[i] {
			return false
		}
	}
	num := func(a, b int) int { n, _ := strconv.Atoi(s[a:b]); return n }
	month, day, hour, minute, sec := num(5, 7), num(8, 10), num(11, 13), num(14, 16), num(17, 19)
	return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && sec < 60
}
