package text

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Hash is the hash every word carries (Word.Hash): FNV-1a, then Mix64.
func Hash(s string) uint64 { return Mix64(fnvString(s)) }

// fnvString is FNV-1a of s (the tokenizer hashes ASCII words as it scans).
func fnvString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// Mix64 is the SplitMix64 finaliser: spreads bits so SimHash columns are fair.
func Mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
