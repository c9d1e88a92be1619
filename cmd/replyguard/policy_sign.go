package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/replyguard/replyguard/core/bundle"
)

const keygenUsage = `Usage: replyguard policy keygen --private FILE --public FILE

Writes a new Ed25519 key pair: the private key (PKCS #8 PEM, file mode 0600)
signs policy bundles and stays with the manager; the public key (PEM) goes to
the policy server and to every staff browser. Existing files are never
overwritten. Prints the key id.

Example:
  replyguard policy keygen --private riverside.key --public riverside.pub
`

const signUsage = `Usage: replyguard policy sign --key FILE [--serial N] [-o FILE] POLICY

Validates POLICY (the same checks and messages as "policy check"), then
writes a signed bundle: format tag, key id, issued-at time, serial, the
policy and an Ed25519 signature over the canonical encoding of the rest.
Without --serial the serial is the issued-at time in seconds, so a later
signature always has a higher serial; with --serial give a number above the
one last published (servers and browsers refuse a serial that is not above
the one they hold). The bundle goes to standard output, or to -o FILE.

Exit status: 0 signed, 1 invalid policy, 2 usage error or unreadable file.

Example:
  replyguard policy sign --key riverside.key -o riverside.bundle.json practice.json
`

const verifyUsage = `Usage: replyguard policy verify --public FILE BUNDLE

Checks a signed bundle against a public key and validates its policy. Prints
the key id, serial and policy name and exits 0, or names what is wrong
(format, key id, signature, invalid policy) and exits 1. Exit status 2 is a
usage error or an unreadable file.

Example:
  replyguard policy verify --public riverside.pub riverside.bundle.json
`

func runPolicyKeygen(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("policy keygen")
	private := fs.String("private", "", "`FILE` for the private key (created with mode 0600)")
	public := fs.String("public", "", "`FILE` for the public key")
	pos, code, done := parseFlags(fs, args, keygenUsage, stdout, stderr)
	if done {
		return code
	}
	switch {
	case len(pos) > 0:
		return usageError(stderr, "policy keygen", keygenUsage, "unexpected arguments %q", pos)
	case *private == "" || *public == "":
		return usageError(stderr, "policy keygen", keygenUsage, "both --private and --public are required")
	case filepath.Clean(*private) == filepath.Clean(*public):
		return usageError(stderr, "policy keygen", keygenUsage, "--private and --public must be different files")
	}
	for _, name := range []string{*private, *public} {
		if _, err := os.Lstat(name); err == nil {
			fmt.Fprintf(stderr, "replyguard policy keygen: %s already exists; not overwriting a key\n", name)
			return exitUsage
		}
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return commandError(stderr, "policy keygen", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return commandError(stderr, "policy keygen", err)
	}
	if err := createExclusive(*private, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		return commandError(stderr, "policy keygen", err)
	}
	if err := createExclusive(*public, []byte(bundle.EncodePublicKey(bundle.PublicKey(pub))), 0o644); err != nil {
		os.Remove(*private) // no half pairs
		return commandError(stderr, "policy keygen", err)
	}
	fmt.Fprintf(stdout, "key id %s\nprivate key: %s (keep it secret; it signs policies)\npublic key:  %s (give it to the policy server and staff browsers)\n",
		bundle.KeyID(bundle.PublicKey(pub)), *private, *public)
	return exitOK
}

// createExclusive writes a new file, failing if the name exists (also when a
// file appears between the check and the write), and syncs it.
func createExclusive(name string, data []byte, mode os.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	if err := f.Chmod(mode); err != nil { // exactly mode, whatever the umask
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readPrivateKey reads a PKCS #8 PEM Ed25519 private key.
func readPrivateKey(name string) (ed25519.PrivateKey, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(data)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("%s: not a PEM private key (expected the --private file of policy keygen)", name)
	}
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	priv, ok := key.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("%s: not an Ed25519 key", name)
	}
	return priv, nil
}

// readPublicKey reads a PEM Ed25519 public key from policy keygen.
func readPublicKey(name string) (bundle.PublicKey, error) {
	text, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	pub, err := bundle.ParsePublicKey(string(text))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return pub, nil
}

func runPolicySign(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("policy sign")
	keyFile := fs.String("key", "", "private key `FILE` from policy keygen")
	serialFlag := fs.String("serial", "", "serial `N` (default: the issued-at time in seconds)")
	outFile := fs.String("o", "", "write the bundle to `FILE` instead of standard output")
	files, code, done := parseFlags(fs, args, signUsage, stdout, stderr)
	if done {
		return code
	}
	switch {
	case *keyFile == "":
		return usageError(stderr, "policy sign", signUsage, "missing --key")
	case len(files) != 1:
		return usageError(stderr, "policy sign", signUsage, "give exactly one POLICY file")
	}
	now := time.Now().UTC()
	serial := now.Unix()
	if set(fs, "serial") {
		n, err := strconv.ParseInt(*serialFlag, 10, 64)
		if err != nil || n < 1 || n > bundle.MaxSerial {
			return usageError(stderr, "policy sign", signUsage, "--serial must be a whole number from 1 to %d", int64(bundle.MaxSerial))
		}
		serial = n
	}
	priv, err := readPrivateKey(*keyFile)
	if err != nil {
		return commandError(stderr, "policy sign", err)
	}
	data, err := readNamed(files[0], stdin)
	if err != nil {
		return commandError(stderr, "policy sign", err)
	}
	// Validate first, with policy check's messages; nothing is signed otherwise.
	if !policyValid(files[0], data, stderr) {
		fmt.Fprintf(stderr, "replyguard policy sign: %s is invalid; nothing signed\n", files[0])
		return exitFindings
	}
	pub := bundle.PublicKey(priv.Public().(ed25519.PublicKey))
	u, msg, err := bundle.Prepare(pub, data, serial, now.Format("2006-01-02T15:04:05Z"))
	if err != nil {
		fmt.Fprintf(stderr, "replyguard policy sign: %v\n", err)
		return exitFindings
	}
	out := u.Encode(ed25519.Sign(priv, msg))
	// Check the result with the verifier every consumer runs.
	o, err := bundle.Open(out, pub, 0)
	if err != nil {
		fmt.Fprintf(stderr, "replyguard policy sign: internal error, the bundle does not verify: %v\n", err)
		return exitUsage
	}
	if *outFile == "" {
		stdout.Write(out)
	} else if err := writeFileAtomic(*outFile, out, 0o644); err != nil {
		return commandError(stderr, "policy sign", err)
	}
	fmt.Fprintf(stderr, "signed %q (%s), serial %d, key id %s\n", o.Policy.Name, o.Policy.Version, o.Serial, o.KeyID)
	return exitOK
}

func set(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

// policyValid prints policy check's verdict lines for an invalid policy.
func policyValid(name string, data []byte, w io.Writer) bool {
	_, _, err := bundle.CompilePolicy(data)
	var be *bundle.Error
	if errors.As(err, &be) {
		for _, p := range be.Problems {
			fmt.Fprintf(w, "%s: %s\n", name, p.Error())
		}
		return false
	}
	return err == nil
}

// writeFileAtomic replaces name with data: a reader sees the old file or the
// new one, never a part.
func writeFileAtomic(name string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err == nil {
		err = tmp.Sync()
	}
	if err == nil {
		err = tmp.Chmod(mode)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

func runPolicyVerify(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("policy verify")
	pubFile := fs.String("public", "", "public key `FILE` from policy keygen")
	files, code, done := parseFlags(fs, args, verifyUsage, stdout, stderr)
	if done {
		return code
	}
	switch {
	case *pubFile == "":
		return usageError(stderr, "policy verify", verifyUsage, "missing --public")
	case len(files) != 1:
		return usageError(stderr, "policy verify", verifyUsage, "give exactly one BUNDLE file")
	}
	pub, err := readPublicKey(*pubFile)
	if err != nil {
		return commandError(stderr, "policy verify", err)
	}
	data, err := readNamed(files[0], stdin)
	if err != nil {
		return commandError(stderr, "policy verify", err)
	}
	o, err := bundle.Open(data, pub, 0)
	if err != nil {
		var be *bundle.Error
		if errors.As(err, &be) && be.Kind == bundle.KindPolicy {
			for _, p := range be.Problems {
				path := "policy"
				if p.Path != "" {
					path += "." + p.Path
				}
				fmt.Fprintf(stdout, "%s: invalid policy: %s: %s\n", files[0], path, p.Message)
			}
		} else {
			fmt.Fprintf(stdout, "%s: %v\n", files[0], err)
		}
		return exitFindings
	}
	fmt.Fprintf(stdout, "%s: ok\nkey id:  %s\nserial:  %d\nissued:  %s\npolicy:  %s (%s)\n", files[0], o.KeyID, o.Serial, o.IssuedAt, o.Policy.Name, o.Policy.Version)
	return exitOK
}
