// Code generated from lists/*.txt by "go test -run TestLists -update"; DO NOT EDIT.

package words

import "github.com/replyguard/replyguard/core/lex"

// Each list's index in listText.
const (
	listFirstPerson = 0
	listNegators    = 1
	listPlease      = 2
)

// The lists this package's variables point into (&cueLists[listX] and the
// like, which need no init code), filled by lex.Load in listTable's order.
var (
	vocabLists [3]lex.List
	_          = lex.Load("words", listText[:], listTable[:], listNames, vocabLists[:], nil, nil, nil)
)

var listTable = [...]lex.Spec{
	{Index: listFirstPerson, Kind: lex.Vocabulary},
	{Index: listNegators, Kind: lex.Vocabulary},
	{Index: listPlease, Kind: lex.Vocabulary},
}

// listNames are listTable's list files, each ended by "\n": list
// "words/" + the file's stem.
const listNames = "" +
	"first_person\n" +
	"negators\n" +
	"please\n"

// listText[i] is list i's entries joined by "\n", unpacked from packedLists.
var listText = [3]string(lex.Unpack(packedLists))

// packedLists is every list's entries joined by "\n", each list ended by NUL,
// in file-name order, deflated (internal/inflate).
const packedLists = ",\x8bA\x0e\xc3 \f\x04sޏ\xf0.Ro\x15\xab\x06\"  \xf7\xf5\x15I/3+\x8dV\x91\x1c\x89А\xa0a\xac!H\x9a\x89\xe4\x8d\xf6\xc6$\xcaU\xa1\tzW3L\x86\xca\xc5\xc1-\x97\x8e\\\x90" +
	"9X!%\x87\x0eQYҶ8㣻\xbc\xe2\x9f\xcfk/\xe28b\x15s\xec\xb1\xd2\x1cS\xfbQ\xae\xbe\x9d\xc6؈\xd3\x1aN\xfb\xe2\xa3Y̷_\x00\x00\x00\xff\xff"
