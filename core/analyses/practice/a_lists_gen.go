// Code generated from lists/*.txt by "go test -run TestLists -update"; DO NOT EDIT.

package practice

import "github.com/replyguard/replyguard/core/lex"

// Each list's index in listText.
const (
	listContactParticles       = 0
	listContactVerbs           = 1
	listContactVerbsImperative = 2
	listFirstPersonSubjects    = 3
	listPersonalMarkers        = 4
	listPracticeMarkers        = 5
	listRecipientVerbs         = 6
	listRoleLinks              = 7
	listRoleLinksFar           = 8
	listRoleWords              = 9
	listSelfIntroductions      = 10
	listSignatureOpeners       = 11
	listSignoffWords           = 12
	listStaffTitles            = 13
)

// The lists this package's variables point into (&cueLists[listX] and the
// like, which need no init code), filled by lex.Load in listTable's order.
var (
	vocabLists [14]lex.List
	dataLists  [14][]string
	_          = lex.Load("practice", listText[:], listTable[:], listNames, vocabLists[:], nil, nil, dataLists[:])
)

var listTable = [...]lex.Spec{
	{Index: listContactVerbs, Kind: lex.Vocabulary},
	{Index: listContactVerbsImperative, Kind: lex.Vocabulary},
	{Index: listFirstPersonSubjects, Kind: lex.Vocabulary},
	{Index: listPersonalMarkers, Kind: lex.Vocabulary},
	{Index: listPracticeMarkers, Kind: lex.Vocabulary},
	{Index: listRecipientVerbs, Kind: lex.Vocabulary},
	{Index: listRoleWords, Kind: lex.Vocabulary},
	{Index: listSelfIntroductions, Kind: lex.DataList},
	{Index: listSignatureOpeners, Kind: lex.DataList},
	{Index: listSignoffWords, Kind: lex.Vocabulary},
	{Index: listStaffTitles, Kind: lex.Vocabulary},
}

// listNames are listTable's list files, each ended by "\n": list
// "practice/" + the file's stem.
const listNames = "" +
	"contact_verbs\n" +
	"contact_verbs_imperative\n" +
	"first_person_subjects\n" +
	"personal_markers\n" +
	"practice_markers\n" +
	"recipient_verbs\n" +
	"role_words\n" +
	"self_introductions\n" +
	"signature_openers\n" +
	"signoff_words\n" +
	"staff_titles\n"

// listText[i] is list i's entries joined by "\n", unpacked from packedLists.
var listText = [14]string(lex.Unpack(packedLists))

// packedLists is every list's entries joined by "\n", each list ended by NUL,
// in file-name order, deflated (internal/inflate).
const packedLists = "\x84S\xc1\xb5\xe36\f\xd4y\xaa؛O?=\xc1$d\xe2\x99$\xf4\x00\xf8˾\xe4m\x0fI\x1b\xa9\"\x9dl%y\xa4\xa5\xbf\xbb\xa7\\\x00\x10\"\x89\xe1\xcch\x97(\bŪ\xb6\x90\xdf\xe1\x1b\xd3\x1dA\xf5" +
	"\x8e\xa4=(\x05\x8c)\x15$\xaa\x15\xdcH*\x1a\xbbӍ\x11\xfc\f8\xf32\xbf\xcdU\x16\xaa\xe7\x81\xe3\xf8V\xb43Vz¤ߎ+\xf8㷛v\x93\xe0eg\xec|\xa9\x15\x02\x19i\x97\x11\xf8\x92!" +
	"\x97<\x8aO\x86\x8c\xb0\xf3\xc5xy\xe9\x03/}\xd8\b\x17\xe3Y;\x8a4\x146\x14qD\xe16\x82\x18\\;2=n%Ʒ\x87_\xa9g\xec\xb22\x9a6d\xca\xd8(\x84{\x9c\xf9\xe2\xf0\xc2(<.x" +
	"-\x0f\xc7\x185G\xec\a\x82\x03\xd2\x1b\xb3\xae\xab$Ff\xbf#\x98\x1a6\xa3\x14\xa3\x95\xaatI\xb8J\xad\x83\x80F\x9dnl0N\xbc\x85h\x9f\xdc4\x92\x8e*\x9dQ4f\xceb\x9c\x02\xabi\x8f\xe3vG" +
	"\xd5D\xf3\xccY\x1c-\xceȼ\x91E\x1bO\xf0T8?洤jY:\x85\x1aʁ\xfe\xea\x12\x8c\x19\xb6\xc1\xfe\xa6\x16T\xa1}\xce\xfd\x14\x97@n\x90~\xd5'\xfa\x83=\x8c\x8e\xac\xe7\xdaφ#\xd5\x7f" +
	"\xff\xe9\x92\xe8\xab\xf0\xa1\xbd?j\xa8\x89BWI\xd2\xe9\xcc\x0e\xf6\xa0\xa6\x8e\xb1\x9b\xe9H\xbe\xf8@>\xdd\xc1\x19G\x1a\x9e\xe2<\xbd\xc7yxt'ˣ\xa2'\xe7\xb7\xcf8\xa3\xf2\x1asϗ\xbfF1ξ" +
	"\xf9~\xaf\x8d?\xe6\b㑖\xa1f\x14\x1e\xfc\x8e\xa7\x82ޭ\xb9\xa4XN\x95~\xe5\xefK1\xf1@y݄g\x95\xb9\xc7̚Ʈ)\xfe\xe1\x06\xdd;\x1brv\xe4\x96\xd12\xfa\x86\x8d`\x1du\xeb\x87" +
	"\xb4\xd31\xa79\xc8]<h\xb4\xa7\xfcj\xa0\xdcḏ\x89\xe1\xcbU\x1e\xb4\xaeP\x8b\xa2\xef\x98\xf5\r\xc37NBu\x94\x8d\xecΓ\x04\xd7\xd1C\xe3,\x84\xca\xd3\xee\x16\x03ܪ\x8f\x9eٰ\x95\x97K\x12" +
	"\xea\xe8\x0f\xf3\xe9z\xa3mܲ\x05\xf2\x16\x8b\\\x1ad\xfcN\xe2\xdf\xc4ѩ\xf17\xf1\xe5\x03?\xbe\xff\x8d\x1f\xdf\xff\u009fx\xea\xf2ԧ\"\x15fs\\y\xc0\x91\x9eظ\xbe`|#ˎ\x9d\xac\xd5\x17" +
	"\xa2P\xbf\x0f\xfb~\xf2\xe4lɆl\x7f\x9c4\xbeQ\xfcd\xf9\xcd\xdcO~\xfeW\xa0S\x96\xdf\xc8\xf9\xe5U\xa6\x9f\x92ٖ\xff\x02\x00\x00\xff\xff"
