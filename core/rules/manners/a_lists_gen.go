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
	listForeignThanks      = 5
	listFriendlyAsks       = 6
	listGreetWords         = 7
	listHowWords           = 8
	listLaughs             = 9
	listObligationWords    = 10
	listOpinionHolders     = 11
	listOpinionVerbs       = 12
	listPersonWords        = 13
	listPracticePraise     = 14
	listPromoAsks          = 15
	listRequestOpeners     = 16
	listReturnedPraise     = 17
	listRudePhrases        = 18
	listRudeWhenTold       = 19
	listSarcasmEmoji       = 20
	listShareWords         = 21
	listSubjectPronouns    = 22
	listThanksEmoji        = 23
	listThanksWords        = 24
	listWarmWords          = 25
)

// The lists this package's variables point into (&cueLists[listX] and the
// like, which need no init code), filled by lex.Load in listTable's order.
var (
	vocabLists [26]lex.List
	dataLists  [26][]string
	_          = lex.Load("manners", listText[:], listTable[:], listNames, vocabLists[:], nil, nil, dataLists[:])
)

var listTable = [...]lex.Spec{
	{Index: listAcknowledgments, Kind: lex.Vocabulary},
	{Index: listAffirmations, Kind: lex.DataList},
	{Index: listApologyWords, Kind: lex.Vocabulary},
	{Index: listCourtesies, Kind: lex.Vocabulary},
	{Index: listDescribingSubjects, Kind: lex.Vocabulary},
	{Index: listForeignThanks, Kind: lex.DataList},
	{Index: listFriendlyAsks, Kind: lex.Vocabulary},
	{Index: listGreetWords, Kind: lex.Vocabulary},
	{Index: listHowWords, Kind: lex.DataList},
	{Index: listLaughs, Kind: lex.DataList},
	{Index: listObligationWords, Kind: lex.DataList},
	{Index: listOpinionHolders, Kind: lex.DataList},
	{Index: listOpinionVerbs, Kind: lex.DataList},
	{Index: listPersonWords, Kind: lex.DataList},
	{Index: listPracticePraise, Kind: lex.DataList},
	{Index: listPromoAsks, Kind: lex.Vocabulary},
	{Index: listRequestOpeners, Kind: lex.Vocabulary},
	{Index: listReturnedPraise, Kind: lex.DataList},
	{Index: listRudePhrases, Kind: lex.Vocabulary},
	{Index: listRudeWhenTold, Kind: lex.Vocabulary},
	{Index: listSarcasmEmoji, Kind: lex.DataList},
	{Index: listShareWords, Kind: lex.DataList},
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
	"foreign_thanks\n" +
	"friendly_asks\n" +
	"greet_words\n" +
	"how_words\n" +
	"laughs\n" +
	"obligation_words\n" +
	"opinion_holders\n" +
	"opinion_verbs\n" +
	"person_words\n" +
	"practice_praise\n" +
	"promo_asks\n" +
	"request_openers\n" +
	"returned_praise\n" +
	"rude_phrases\n" +
	"rude_when_told\n" +
	"sarcasm_emoji\n" +
	"share_words\n" +
	"subject_pronouns\n" +
	"thanks_emoji\n" +
	"thanks_words\n" +
	"warm_words\n"

// listText[i] is list i's entries joined by "\n", unpacked from packedLists.
var listText = [26]string(lex.Unpack(packedLists))

// packedLists is every list's entries joined by "\n", each list ended by NUL,
// in file-name order, deflated (internal/inflate).
const packedLists = "|V\xb1\x8e\xe5\xb6\x0euͯP7\xdfEK\xb4ͱ,\x1a\x12e\xaf\xb7\x9b}\x8bW<< \xf5V\x8bl\x9a4\x01\x16\xd8.\xed\x04\xf9\x8f`\x80`\xcb\xfd\x84\x80\xf2\xbdwf'H\x1a\xea\xf0Ȧ$" +
	"\x92\"\xb5S\xf4\xb2\x10\xac\x91\xb0\xd4L\x80\xe9P^\xda\xe8\x1a\x90\xc1y\xa9\xb9\x10\x8c\x11\x03\xac\x997\x8e4\x12L\x92$Shcm\x00\xd7\xf5p*n\xa2\xb8\xc2!\xd5\xf5\xa4\x90ĭY\xfaH\vxIc" +
	"F-WP#*K*\x10\xc8%\fh\xbc\x1bkQ\x81\x81\"{\x0e\x18\xa8@\x8f~v\xa8\xee\x90\n\x99\xc7I\x9d1\xddA\x05\x0e*\xc5\xe4\n\a\xe1\x04\xed\x042\x83\xccx\xc0\f\xe5\xf1\x97\xaeH\xce\a\xe0" +
	"*QF~KWTn\x88\xca\x05=\x7f\xc5i\x84Lc&\xbd\f\x05\".\x94\x14\x17\xb9B\x81BIو\xc2M\x0f\\|\x8d+]\x01\xde@\xb9\xcd%X)\x87\xc7/\xe7(\x89\xa0`8]\x86\xf9\x8a3" +
	"a\xb8\xe2B\xb7O\"aN\xa6\x04J\xf4\xddO7\xe2\xfa獸\xfc~\xd3O\x1b\xf6\x9f\xf6YfJ73\xaf\xb8f\xe9\x15g\xc6^Q\x17{\xa8\xf4l袜\x16L1\xda\\z\xceL\x97H~\xa7\xe5" +
	"n\x95\xec\x06\xdc$C\x93.P\xc7\n\xacw1\xc2N\xb0\xd3\t\xee2\x81Nt4aT\x99\xa4\xc6\x00;\xc7\b\x1e\x13\xf8Smr\xc1\x03\x16K\x18\xd8Q\xfdd{h\x00\n\x91)\xe7\x81\xe2\xda6g9\x1b" +
	"IA\x05FI\t\xbb\xaf\x9f?}\xfd\xfc\t\xfe|\xffц\xa7\x87wO\xef\xfe\xf7\xf4\xf0\xff\xa7\x87\x9f\x9f\x1e\xfe\v\xfe\x8f_\x7fZ\xdc\xef?&\x183z\xb6\x18\xbf\xe5\xdf>\xcc\xf5\x1e\x16ʞ!`\x9a\t" +
	"\xa4\xcf<b\xe8\x94b\x04E[3\x05(\x13f\xea&\xb6U\xa3\x80\x9dǲ\xf9\xbc\x80}\x91X\x95\xe2\x01\x81\x06Nܠ\f0fB\x85Q$t\x93\xec\xe0\x1f\xbf,\x02^\x16\xe9\xa2D\x88\v\n\xc4e@" +
	"\x81:N]\xa2v!7\x82Q\x14\xeek\xd1Μ\x1e\t\x94\xba\xc0\x05\xc7L-S\x1b\b\xb0p\xa9)P.*\xf2R\xc3\x14,U=\xf1F7\x10`\xc5L\x9e\u0381\x1f\xbf4\xdb\x16F\x13\x16\"\xc3\xe5\x94" +
	"\x14\x87\xc6n\x8d\xb5\x90\x1dwh҄\x8at/Ա\x1e\x05\x94p\x81\xa28\f \xc3\xc0\xb6LF\xaf\x06|\xe4\xc4\x1eB\x86 ^%Cj\x85\xc9r@\xa5\xea\t\xa0\xa7\xa2]\xe44;N\xaeg\x81^d" +
	"vIv\xa8\x85\x9c\x97@\x10\t7r\xb58t\x996\xa6\xfd%3\x8a\x8c\x91\xae\x13Aҝ\xbaA\xf2HzI\xf9ͼ\x18cK\\7d\xa6\x14\n\f\x12\xa3쮖n\xe0\x96\x97\x98/봸o\xa2" +
	"d\xd1Z#)]>\x86\xc83\xc1e\x9dR\xfb\xe23\xf7\x04\x19\x95\xa0\xf0\x98\xec\xbc~\xb6\x99\x85\xf5̜\x96GI\x16N\xed\xa3\xb5ݲU\x8avvj\xc8\xe2\xe7&\xcay\x8d\xd8\xd6\xc2MjCe'R" +
	"\xfb\xacԵ\x057C\x13~\xc2e\x85>\xe3F\x9d\x19t:\x91k\x1b\xd8\xed\x96n\x94!\x89:;\xed\xb5\x94_\xf5\x01kT\b\x84\xd1\xed\xac\x93c\x05\x8fqqA\xf6\x04\xe61\xd9(\x1b\xdb*ŭ.`" +
	"q;9\x8c\xa6\x1c\xae \xbf\xa6Tbhe\xc2\\d\x13\xed\x9bQ\\\x91\x85\xf6\x8929\x8a֓\xa4\x8d\x8d\x81\x81Sp\x98D'\xb2\x02\x92\x94\x8b\xbe\"ϴ\xf9\x8e\xbb$\x99\xe2LgD\xfbZ8Q)" +
	"/,\x9fI`\x9d\xb2\xf5\x1e\b\xe2\xcc\x03\xcfę\xf7\x8d\xbc\xb6Ԣu\xe5\x00\x1cX\x142\a\xf65J-\x90$\x15J\xb6wR\x87.\xf2@0fK\x9d\x15\xcaT\xd5ƞ܊j}\x05\xee벚" +
	"\u07fc$\x1fki\xfd\xb2\xa7A\xb2\xa5\xf2\xb2F\xe4d\xf5k\xe4\x8d\x1c\xebٳ\x8f\x97\xa1R\x11\xd7c\x00\x95:N.V?C\x92^\xc2\xe1<f*\xb0OrAנ\xdeK\x0f\x03\x8f57\x8bv\xa5\xa4" +
	"\xdfXj\x89G\x8b\x89\xb7`\x9e\xd8\x05\x0e\xe9N\xe1V\x82\xca2Y\x01\x02\x1e\xce\xe9\xe6\xb8\x16D+\xe7\xafI\xf0\xf9p\xd8KU\x9b\xb6\x88i\xa4\x00\xadi7g6\xd4YJ]v\xd4\\\xd5N۲Μ" +
	"\xd8}\xfb\xf8\xe1=|\xfb\xf8\xe1?]\xbbug}5\xa7(\x8e#\x856\x9c=\xddn\n\x85\v\xe04v;\x01\x9b\xbbΦ2Y-!`\xb5N\xb3ѥ߰A\xbe[l\x9d\x1f:\x9d0\xcd\xd0d\x01" +
	"\x9dހ\xda\xc3a\xb5BhW\xf2\x19\x86\x17\xb8X\x97P\x1aj\xbc\xb5\x8b\xb3K\xcc5H9\xad٤\x1ee\x01=\xb6\x05tJo\xba\xbf\xbd\xce\xda\x13\xac\xbd\xb3 \xcaFM\x048\xf0\xf8\xe7\xb7՚\xa5\x86" +
	"\xe7\xe5\xaf\xef;z\xe3\xd9\xf6\xa8S\xe6h>\xc7}\a\xdc\xc9\xee\x17\xe0\x82\xed\x11\xb4\x8bu\x01\xfb\xad\x95\x0e\xb8\x97\xe3\xdf\x1e\x80\x81\xa2u[\xb2\xfe+\x93\bܞh\xdd_\x01\x00\x00\xff\xff"
