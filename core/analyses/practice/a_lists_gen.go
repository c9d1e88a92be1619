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
const packedLists = "\x84S\xc1\xb5\xe36\f\xd4y\xaa؛O?=\xc1$d\xe2\x99$\xf4\x00\xf8˾\xe4m\x0fI\x1b\xa9\"\x9dl%y\xa4\xa5\xbf\xbb\xa7\\\x00\x10\x16\x81\xe1\xccx\x97(\bŪ\xb6\x90\xdf\xe1\x1b\xd3\x1dA\xf5" +
	"\x8e\xa4=(\x05\x8c)\x15$\xaa\x15\xdcH*\x1a\xbbӍ\x11\xfc\f8\xf32\x7f\x9b\xa7,T\xcf\v\xc7\xf5\xadhg\xac\xf4\x84I\xbf\x1d#\xf8\xe3\xb7I\xbbI\xf0\xb23v\xbe\xd4\n\x81\x8c\xb4\xcb\b|ɐ" +
	"K\x1e\xc5'CF\xd8\xf9b\xbc\xbc\xf4\x81\x97>l\x84\x8b\xf1\xac\x1dE\x1a\n\x1b\x8a8\xa2p\x1bA\f\xae\x1d\x99\x1e\xb7\x12㷇_\xa9g\xec\xb22\x9a6d\xca\xd8(\x84{\x9c\xf9\xe2\xf0\xc2(<\x06\xbc" +
	"\x96\x87c\xac\x9a+\xf6\x03\xc1\x01\xe9\x8dY\xd7U\x12#\xb3\xdf\x11L\r\x9bQ\x8a\xd1JU\xba$\\\xa5\xd6A@\xa3N76\x18'\xdeB\xb4On\x1aIG\x95\xce(\x1a3g1N\x81մ\xc71\xddQ" +
	"5Ѽs\x16G\x8b32od\xd1\xc6\x13<\x15Ώ\xb9-\xa9Z\x96N\xa1\x86r\xa0\xbf\xba\x04c\x86m\xb0\xbf\xa9\x05Uh\x9f{?\xc5%\x90\x1b\xa4_\xf5\x89\xfe`\x0f\xa3#\xeby\xf6\xb3\xe1H\xf5\xdf" +
	"\x7f\xba$\xfa*|h\xef\x8f\x1aj\xa2\xd0U\x92t:\xb3\x83=\xa8\xa9/>\xa0N;pƑ\x86\x898O\xb3q\x1e\xa6\xdc\xc9\xf2\xa8\xe8\xc9\xf9m,Ψ\xbc\xc6\xfc\xe6\xcbP\xa3\x18w\xdf\x04\xbf\xcf\xc6\x1f" +
	"s\x85\xf1Hː/\n\x0fB\xc7\xdb@\xef\xd6<R,\xa7,\xbf\x12\xf6%\x91x\xa0\xbcn³\xca\xdccfM㫩\xf6!\xbf\xee\x9d\r9;r\xcbh\x19}\xc3F\xb0\x8e\xba\xf5C\xcbi\x91\xd3\r" +
	"\xe4.\x1e4\xdaSo5Pn2\xf6\xd8\xc4\xf0e#\x0fZW\xa8E\xd1w\xcc\xfa\x86\xe1\x1b'\xa1:\xcaFv\xe7I\x82\xeb\xe8\xa1q\x16B\xe5\xe9o\x8b\x01n\xd5G\xcfl\xd8\xca\xcb%\tu\xf4\x87\xf9\xb4" +
	"\xb9\xd16\xa6l\x81\xbc\xc5\"\x97\x06\x19\xff\x1f\xf1o\xe2\xe8\xd4\xf8\x9b\xf8\xf2\x81\x1f\xdf\xffƏ\xef\x7f\xe1O<uy\xeaS\x91\n\xb39\xae<\xe0HOl\\_0\xbe\x91e\xc7N\xd6\xea\vQ\xa8߇_" +
	"?yr\xb6dC\xb6?N\x1a\xdf(~\xb2\xfcf\xee'?\xff+\xd0)\xcbo\xe4\xfc\xf2*\xd3O\xc9l\xcb\x7f\x01\x00\x00\xff\xff"
