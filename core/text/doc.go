// Package text tokenises a reply or comment once: words with byte offsets and
// lower-cased forms, sentences, runs of digits, and UTF-16 offsets for
// JavaScript. It knows nothing of rules or vocabularies.
package text
