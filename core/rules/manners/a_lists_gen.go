// Code generated from lists/*.txt by "go test -run TestLists -update"; DO NOT EDIT.

package manners

import "github.com/replyguard/replyguard/core/lex"

// Each list's index in listText.
const (
	listAcknowledgments    = 0
	listAffirmations       = 1
	listApologyWords       = 2
	listCourtesies         = 3
	listDescribingSubjects = 4
	listDisparagingWords   = 5
	listForeignThanks      = 6
	listFriendlyAsks       = 7
	listGreetWords         = 8
	listHowWords           = 9
	listIronicTails        = 10
	listLaughs             = 11
	listObligationWords    = 12
	listOpinionHolders     = 13
	listOpinionVerbs       = 14
	listOrderSofteners     = 15
	listPersonWords        = 16
	listPracticePraise     = 17
	listPromoAsks          = 18
	listRequestOpeners     = 19
	listReturnedPraise     = 20
	listRudePhrases        = 21
	listRudeWhenTold       = 22
	listSarcasmEmoji       = 23
	listShareWords         = 24
	listSpeechGerunds      = 25
	listStopVerbs          = 26
	listSubjectPronouns    = 27
	listThanksEmoji        = 28
	listThanksWords        = 29
	listWarmWords          = 30
)

// The lists this package's variables point into (&cueLists[listX] and the
// like, which need no init code), filled by lex.Load in listTable's order.
var (
	vocabLists [31]lex.List
	dataLists  [31][]string
	_          = lex.Load("manners", listText[:], listTable[:], listNames, vocabLists[:], nil, nil, dataLists[:])
)

var listTable = [...]lex.Spec{
	{Index: listAcknowledgments, Kind: lex.Vocabulary},
	{Index: listAffirmations, Kind: lex.DataList},
	{Index: listApologyWords, Kind: lex.Vocabulary},
	{Index: listCourtesies, Kind: lex.Vocabulary},
	{Index: listDescribingSubjects, Kind: lex.Vocabulary},
	{Index: listDisparagingWords, Kind: lex.DataList},
	{Index: listForeignThanks, Kind: lex.DataList},
	{Index: listFriendlyAsks, Kind: lex.Vocabulary},
	{Index: listGreetWords, Kind: lex.Vocabulary},
	{Index: listHowWords, Kind: lex.DataList},
	{Index: listIronicTails, Kind: lex.DataList},
	{Index: listLaughs, Kind: lex.DataList},
	{Index: listObligationWords, Kind: lex.DataList},
	{Index: listOpinionHolders, Kind: lex.DataList},
	{Index: listOpinionVerbs, Kind: lex.DataList},
	{Index: listOrderSofteners, Kind: lex.DataList},
	{Index: listPersonWords, Kind: lex.DataList},
	{Index: listPracticePraise, Kind: lex.DataList},
	{Index: listPromoAsks, Kind: lex.Vocabulary},
	{Index: listRequestOpeners, Kind: lex.Vocabulary},
	{Index: listReturnedPraise, Kind: lex.DataList},
	{Index: listRudePhrases, Kind: lex.Vocabulary},
	{Index: listRudeWhenTold, Kind: lex.Vocabulary},
	{Index: listSarcasmEmoji, Kind: lex.DataList},
	{Index: listShareWords, Kind: lex.DataList},
	{Index: listSpeechGerunds, Kind: lex.DataList},
	{Index: listStopVerbs, Kind: lex.DataList},
	{Index: listSubjectPronouns, Kind: lex.Vocabulary},
	{Index: listThanksEmoji, Kind: lex.DataList},
	{Index: listThanksWords, Kind: lex.Vocabulary},
	{Index: listWarmWords, Kind: lex.Vocabulary},
}

// listNames are listTable's list files, each ended by "\n": list
// "manners/" + the file's stem.
const listNames = "" +
	"acknowledgments\n" +
	"affirmations\n" +
	"apology_words\n" +
	"courtesies\n" +
	"describing_subjects\n" +
	"disparaging_words\n" +
	"foreign_thanks\n" +
	"friendly_asks\n" +
	"greet_words\n" +
	"how_words\n" +
	"ironic_tails\n" +
	"laughs\n" +
	"obligation_words\n" +
	"opinion_holders\n" +
	"opinion_verbs\n" +
	"order_softeners\n" +
	"person_words\n" +
	"practice_praise\n" +
	"promo_asks\n" +
	"request_openers\n" +
	"returned_praise\n" +
	"rude_phrases\n" +
	"rude_when_told\n" +
	"sarcasm_emoji\n" +
	"share_words\n" +
	"speech_gerunds\n" +
	"stop_verbs\n" +
	"subject_pronouns\n" +
	"thanks_emoji\n" +
	"thanks_words\n" +
	"warm_words\n"

// listText[i] is list i's entries joined by "\n", unpacked from packedLists.
var listText = [31]string(lex.Unpack(packedLists))

// packedLists is every list's entries joined by "\n", each list ended by NUL,
// in file-name order, deflated (internal/inflate).
const packedLists = "|V\xbd\x8e\xed\xb8\rvͧP7\xcfEK\xb4\xcd9\xb2\xe8\x88\xd4\xf1z\xbb\xbbY\xa4\b\x02\xa4\xbe\xd5E6M\x9a\x05\x16\xb8]\xda\t\xf2\x1e\xc1\x00\xc1\x96\xfb\b\x01\xe5s\xce̝ i\xa8\x8f\x94MI" +
	"\xfc\xdf)GY\t\xb6L\xa8\xad\x12`9\x8c\u05fe\x86\x0ed\nQZU\x829c\x82\xad\xf2\x953\xcd\x04\x8b\x14\xa9\x94\xfa\xda:\xc0m;\x82IX(opH\v#\x19\x14\t[\x951\xd3\nQ\xca\\\xd1" +
	"\xf4\x0eZFc)\n\x89B\xc1\x84.\x0fsS\x13\x98(s䄉\x14F\x8c\x97\x80\x16\x0eiPy^,\xb8d8H\xe1 U\xa7\x1b\x1c\x84\v\xf4\x17\xc8\x05\xe4\x82\a\\@_~\x1eTj=\x007\xc9" +
	"2\xf3\xf7tG\xfa@\xa47\xf4\xf6\x15\x97\x19*͕\xec\xb6(d\\\xa9\x18\xaer\x87\x02J\xc5\xd8\x05ʝO\xac\xb1\xe5\x8d\xee\x00\x1f@\x1f{\x056\xaa\xe9\xe5\xeb\xb9J!PL\xa7ɰ\xdeq%Lw" +
	"\xac\xf4\xf8$\x13\xd6\xe2L\xa2B\xdf\xfc\xf4\x10\xdc\xff|\bn\xbf?\xf8S\x87\xffgc\x95\v\x95\x87\x9a\x0f\xb2\xae\xe9\x83̕}\x10\xdd\xf4\xa1ћ\xa2\x1bsjp\xc6\xc5n\xd2sg\xb9y\xf2\x1b\xae\x0e\x9b" +
	"\xd40\xe1U*t\x1a\x12\rl\xc0\xf6\x943\xec\x04;\x9d\xe0\xa9\x12\xd8BG'.\xd2EZN\xb0s\xce\x10\xb1@<\xd9NW<`\xf5\x80\x81\x1d-.~\x87\x0e@\x89\x9c9\x1f\x94\xb7~9\x8f\xd9L\x06" +
	"&0K)8\xf0\\\xa4b1\xb8\x81H\xd0\n\x97I\xeaJ\tbn\x94I\x15R[G\xd8\xd0\x162\x8e\xa0\x11ו\xea}UX\x8eMbe#\xb0*9\xc3\xcaz\xea\xe8\xa1\xef\x11\xaf\x1bW\x8c\a\x98\xcb" +
	"9\xc3Ve\xc3\x19KB\x18y\x16;i=\xa0bd\xb5sY\xef\xb72z\u070f\x11L\x8aQ}\xf9\x19\x15\x16\xde^\xbe\xfa\xc98\xfc\xfa\xcbO\xbf\xfe\xf2\x13\xfc\xfb\xc7/\xbe\xbc~\xfa\xe1\xf5\x87?\xbe~\xfa" +
	"\xd3맿\xbd~\xfa\x03\xc4\x7f\xfd\xfd\xafk\xf8\xe7_\n̮ڣ\xf5{\xfe\xc7\xe7K{\x86\x95jdHX.\x042V\x9e1\rF9\x83\xa1[\xaf$\xd0\x05+\r\v\xbb\xfd\xb2\x80{\xc6\xf3\xf2,%" +
	"\xa3JnF\xf9\x80D\x13\x17\xeeP&\x98+\xa1\xc1,\x92\x86Ev\x88/_W\x81(\xab\fE\xac\xbb)\x8b\x81W\x84!K\x86\xbc\xa2@^'\x14h\xf32\x14\xa2\x04N\x14\x16\xbc\x12\xb8\x89\x9e\x9b\xda\xe0Q" +
	"\x95\t\x8c\x86Ċs\xa5\x9e\x8a\x1d$\xb7{+\x89\xaa\x9a\xc8{\x0eK\xf2\\\x8c\xc4Wz\x80\x04\x1bV\x8at.\xfc\xf2u\xf0\x03\xa0\xc8\xde\x0f\xf1\x80u\xe2\xc1\xe8XOJy\xea\xd2k\x97zp\x1eO\xe8\xd4" +
	"\x89\x89\f\xefع\x1d\nF\xb8\x82\x1aN\x13\xc84\xb1\x9fW1\x9a\x83\x98\xb9p\x84T!I4\xa9Pz\t\xf6h7iv\x02\x18Im\xc8\\.\x81K\x18Y`\x14\xb9\x84\";4\xa5\x10%\x11d\xc2+" +
	"\x85\xa6\x01C\xa5+\xd3\xfe^2\x8b̙\xee\x1bIʓ\x85I\xeaLvK\ueadb3瞢a\xaaL%)L\x92\xb3\xec\xa1\xe90q\xcf@\xac\xb7sz\\\\\xc5Ƚ\xb9e2\xba}\f\x99/\x04" +
	"\xb7s\xb4\x8d\x1a+\x8f\x04\x15\x8d@y.\xfe\xdex\xf1\x9d\x95팬\x1egEV.\xfd\xa3\xadדM\xd4\x06\x7f5T\x89\x97N\xf4,\x18\x9ea\x0eZG\xba\x13\x99\x7f\xa6m\xeb^\xae\xd0I\\p\xdd`" +
	"\xacx\xa5\xc1\x15\x06[(\xf4\v\xec^\x8f\xaeT\xa1\x88\x05\x7f\xed\xbdi\xdd\xf9\t[6H\x849\xeclK`\x83\x88y\rI\xf6\x02n1\xb9Rui\xaf\x89\x8f\n\x88\x1av\n\x98\x9d9\x82\"\x7f\x14\x99\xe4" +
	"\xd4\v\xa2\x9b\xc87\xfa7\xb3\x04\x95\x95\xf6\x85*\x05\xca\xde}\xa5\xaf]\x02\x13\x97\x14г\x85\xbcT\x16\xf3\xc2\xf0\xad\xf0\f\x9bod\xb7 3\xbc\xd0\xe9ѱ)\x17R}\xa7\xf9\f\x02\x9f\tz\x97\x85$\xc1" +
	"-\xf0&8\xe3\xbe\v\xefÃZ\xdb8\x01'\x16\x83ʉc\xcb\xd2\x14\x8a\x14\xa5\xe2w'\v\x182O\x04s\xf5\xd0\xd9@\x97f\xbe\x8e\x1464\xef\xa0\xf0\xdc\xd6\xcd\xed\x16\xa5\xc4ܴO\x06#MR=" +
	"\x94\xd7-#\x17\xaf\r3_)\xb0\x9d\xd3\xc9\xf1\xdeU&\x12FL`\xd2\xe6%\xe4\x16/Pd\x94t\x84\x88\x95\x14\xf6En\xe8\xee\xd4g\x19a\xe2\xb9ծ\xd1SJ\xc6+K\xd3|t\x9fDw\xe6\x89C" +
	"\xe2T\x9e\f\x1e\x15I\xd7\xc5\xeb\x11\xf0tnw\xc3u'z\xe3\xfa(\x84X\x8f\x80\xa34\xf3m\xf7\x98eJ\xd0Ǔn\xccsP)\x1c)x\xb1\x8f\"9\xa8I=<\xc1V\nR\xfa\x8d(\xb5\xe8\x9d\xf3" +
	"Qq\xe2B\xf1rKP\x8c\xa6\x83G\xe5\xedQ\xdd\xda\xdd`=p\xdd\x0f\xc3o_>\xff\b\xbf}\xf9\xfc\xfb\xa1'\xeeY\xc2ݮ\x86\xf3L\xa9/\xe7\x00\xe4\xc9F\xe9\x06\xb8\xccC\x94\xd5G\x1f\xdf}\xef\x90" +
	"37\xbb\x8a\x8a\xda\xeb\xf7\x98q\xedu\xfcp\xba\x92*\xce\xe7\bPQ\xb57\xe2\xa5\xff<\xa8\xc9\x06\xbfkl\xc3N\xc0\xeeϳ\xbf/^\xec\bؼ\xe9_\xe9\xd6\xfa\xd9!?\xad\xfe\x8a?\x0f\xb6`\xb9@" +
	"\xa7\n\xb6|\a\xe63\xdc\xe6%\xdbk\xc6\x1bL\xef\xb0z\x9b3\x9aZ~\xf4\xbb\xb3\xcd]Z\x12=\xb5\xf9\xa6\x1d\xba\x82\x1d\xd7\x15l)\xdf\r\xff5(\xf7i\xb8\x8f\xbc\x90\xe5J\x9d$8\xf0\xf8\xdfc\xeeV" +
	"\xa5\xa5\xb7\xe3\xef\xa36}\x17\xd9\xefhK\xe5\xecA\x81\xfb\x0e\xb8\x93\x17\x00\xc0\x15\xfb<\xba\x8b\xf7+\xff\xad\xd76x\x96\xe3\xff\xcd≲\x0f>䣐,\"𘖇\xff\x04\x00\x00\xff\xff"
