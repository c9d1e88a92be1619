package analysis

// Platform is where the reply will be posted; it selects length limits.
type Platform string

const (
	Facebook  Platform = "facebook"
	Instagram Platform = "instagram"
)

// Valid reports whether p is a known platform.
func (p Platform) Valid() bool { return p == Facebook || p == Instagram }

// Input is everything a check looks at. Recent holds fingerprints of the
// writer's own recent replies (see Fingerprint), never their text.
type Input struct {
	Text     string
	Comment  string
	Platform Platform
	Recent   []uint64
	// Private says the reply goes in a private message to the person who
	// wrote (a Messenger or Instagram DM, a Business Suite message thread),
	// not on the public page. A DM already is the private channel the
	// rules ask a public reply to offer, and the person's own care
	// relationship is no secret from them: rules that judge exposure read
	// it, and the policy's composers.private_messages.severity applies.
	Private bool
}
