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
const packedLists = "\x84S\xc1\x91\xe46\fԻ\xa3\xb8\u07fc\xd69aIh\x84\x1a\x92P\x01\xd0h\xe6\xe3\xba\x1c\xec4\x1c\x853\xb9H\\\xa4\xa4\xbd\xbb\x97?\x00\b\x91D\xb3\xbb\xb5K,\bŬ6\x91?\xe0+\xd3\x03A\xe5" +
	"\x81\xa4-(\x05\x8c)-HT\n\xb8\x92\x14Tv\xa7;#\xf8\x15p\xe6i|\x1b\xab,T\xae\x03\xe7\xf1u\xd1Ƙ\xe9\x05\x93v?\xaf\xe0\x8f\xdfn\xdaM\x82\xa7\x9d\xb1\xf3\xad\x14\b\xa4\xa7]z\xe0[\x86" +
	"\xdcr/\x9e\f\xe9a\xe7\x9b\xf1\xf4\xd6\roݬ\x87\x9b\xf1\xa8\x1d\x8bT,lX\xc4\x11\v\xd7\x1e\xc4\xe0ڐi\xbb/ѿm\xfeI-c\x97\x99Q\xb5\"S\xc6J!\xdc\xe2\xca7\x87/\x8c\x85\xfb\x05" +
	"\xefis\xf4Qc\xc4~\"8!\x1d\x98u\x9e%12\xfb\x03\xc1T\xb1\x1a\xa5\xe8\xadT\xa4I§\x94\xd2\t\xa8\xd4\xe8\xce\x06\xe3\xc4k\x88\xb6\xc1M%i(\xd2\x18\x8b\xc6\xc8Y\x8cS`6mq\xde\xee" +
	"(\x9ah\x9c\xb9\x8a\xb3\xc5\x19\x99W\xb2\xa8\xfd\t\x9e\x16\xceۘ\x96T-K\xa3P\xc3r\xa2\xfft\t\xc6\bkg\x7fU\v*\xd06\xe6>\xc5%\x90+\xa4}\xea\vmc\x0f\xa33\xeb\xb5\xf6\xab\xe1H\xe5" +
	"\xdf\x7f\x9a$\xfa*\xbck\xef[\t5Q\xe8,I\x1a]\xd9\xc1\x1eT\xd5\xd1w3\x9d\xc9'\xefȇ;8\xe3L\xddS\x9c\x87\xf78w\x8f\xeed\xb9W\xf4\xe2|\xf8\x8c3\n\xcf1\xf6|\xf9\xab\x17\xfd\xec" +
	"\xc1\xf7\xb16\xfe\x18#\x8c{\x9a\xba\x9a\xb1p\xe7\xb7?\x15t\xb4ƒb\xbaT\xfa\x95\xbf/\xc5\xc4\x03\xcb\xfb.<\xaa\xcc-F\xd6\xd4w\r\xf1O7\xe8\xdeؐ\xb3#\u05cc\x9a\xd1V\xac\x04k(k;" +
	"\xa5\x1d\x8e\xb9\xccA\xee\xe2A\xbd=\xe4W\x03\xe5*}\x8e\r\f_\xae\xf2\xa0y\x86Z,zĬ\a\f_9\t\x95^V\xb2\a\x0f\x12\\{\x0f\x95\xb3\x10\n\x0f\xbb[tp\xb3n-\xb3a]\xde.I" +
	"\xa8\xa1m\xe6\xc3\xf5Fk\xbfe\r\xe4\xf5\xb2\xa0\xc1\xb7\x95\xed)\xae6ɭB\xfa\x1f&\xfeM\x1c\x8d*\x7f\x13\x9f>\xf0\xe3\xfb\xdf\xf8\xf1\xfd/\xfc\x89\x97N/})\xd2\xc2l\x8eO\xee\b\xa5%6.o" +
	"\x18\xdfɲc'\xab\xe5\x8dX\xa8=\xba\xa3\x9f<h\x9c\xb2!\xdb\x1f\x17\xb3\a\xb0\x9f\xc4\x1fd\xfe\xa4\xec\x7f5\xbb\x94\xfa\x8d\xaf_\x1ej\xfa\x94\xcc6\xfd\x17\x00\x00\xff\xff"
