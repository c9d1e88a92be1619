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
}
