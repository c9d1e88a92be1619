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
	listObviousAdverbs     = 13
	listOpinionHolders     = 14
	listOpinionVerbs       = 15
	listOrderSofteners     = 16
	listOwnWords           = 17
	listPersonWords        = 18
	listPracticePraise     = 19
	listPromoAsks          = 20
	listRequestOpeners     = 21
	listReturnedPraise     = 22
	listRivalMarks         = 23
	listRivalPlaces        = 24
	listRudePhrases        = 25
	listRudeWhenTold       = 26
	listSarcasmEmoji       = 27
	listShareWords         = 28
	listSpeechGerunds      = 29
	listStopVerbs          = 30
	listSubjectPronouns    = 31
	listThanksEmoji        = 32
	listThanksWords        = 33
	listToldWords          = 34
	listWarmWords          = 35
)

// The lists this package's variables point into (&cueLists[listX] and the
// like, which need no init code), filled by lex.Load in listTable's order.
var (
	vocabLists [36]lex.List
	wordSets   [36]lex.WordSet
	dataLists  [36][]string
	_          = lex.Load("manners", listText[:], listTable[:], listNames, vocabLists[:], nil, wordSets[:], dataLists[:])
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
	{Index: listObviousAdverbs, Kind: lex.WordList},
	{Index: listOpinionHolders, Kind: lex.DataList},
	{Index: listOpinionVerbs, Kind: lex.DataList},
	{Index: listOrderSofteners, Kind: lex.DataList},
	{Index: listOwnWords, Kind: lex.WordList},
	{Index: listPersonWords, Kind: lex.DataList},
	{Index: listPracticePraise, Kind: lex.DataList},
	{Index: listPromoAsks, Kind: lex.Vocabulary},
	{Index: listRequestOpeners, Kind: lex.Vocabulary},
	{Index: listReturnedPraise, Kind: lex.DataList},
	{Index: listRivalMarks, Kind: lex.WordList},
	{Index: listRivalPlaces, Kind: lex.WordList},
	{Index: listRudePhrases, Kind: lex.Vocabulary},
	{Index: listRudeWhenTold, Kind: lex.Vocabulary},
	{Index: listSarcasmEmoji, Kind: lex.DataList},
	{Index: listShareWords, Kind: lex.DataList},
	{Index: listSpeechGerunds, Kind: lex.DataList},
	{Index: listStopVerbs, Kind: lex.DataList},
	{Index: listSubjectPronouns, Kind: lex.Vocabulary},
	{Index: listThanksEmoji, Kind: lex.DataList},
	{Index: listThanksWords, Kind: lex.Vocabulary},
	{Index: listToldWords, Kind: lex.WordList},
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
	"obvious_adverbs\n" +
	"opinion_holders\n" +
	"opinion_verbs\n" +
	"order_softeners\n" +
	"own_words\n" +
	"person_words\n" +
	"practice_praise\n" +
	"promo_asks\n" +
	"request_openers\n" +
	"returned_praise\n" +
	"rival_marks\n" +
	"rival_places\n" +
	"rude_phrases\n" +
	"rude_when_told\n" +
	"sarcasm_emoji\n" +
	"share_words\n" +
	"speech_gerunds\n" +
	"stop_verbs\n" +
	"subject_pronouns\n" +
	"thanks_emoji\n" +
	"thanks_words\n" +
	"told_words\n" +
	"warm_words\n"

// listText[i] is list i's entries joined by "\n", unpacked from packedLists.
var listText = [36]string(lex.Unpack(packedLists))

// packedLists is every list's entries joined by "\n", each list ended by NUL,
// in file-name order, deflated (internal/inflate).
const packedLists = "|W1\x8f\xe5\xb8\rv\xcd_\xa1n~\x17-\xd16\xf7ɢO\xa4\xde[_\xb7\x97C\x8a @\xea\xab\x16wi\xd2,p\xc0vi'\xc8\xff\b\x06\b\xae\xbc\x9f\x10P\xf6{3;A\xd2P\x9f(Y\x96" +
	"H\xea#u\xa3\x1ce%\xd82\xa1\xb6J\x80e7^{\x1b:\x90)DiU\t\xe6\x8c\t\xb6\xcaW\xce4\x13,R\xa4R\xeam\xeb\x00\xb7m\x0f&a\xa1\xbc\xc1.-\x8cdP$lU\xc6L+D)" +
	"sE\xd3;h\x19\x8d\xa5($\n\x05\x13\xba>\xccMM`\xa2̑\x13&R\x181^\x02ZإA\xe5y\xb1\xe0\x9aa'\x85\x9dT]n\xb0\x13.\xd0O \x17\x90\v\xeep\x01}\xfe2\xa8Ժ\x03" +
	"n\x92e\xe6\xef\xe9\x8e\xf4\x81HO\xf4:\x8b\xcb\f\x95\xe6Jv6\n\x19W*\x86\xabܡ\x80R1v\x85r\xef'\xd6\xd8\xf2Fw\x80\x0f\xa0\x8f\xb1\x02\x1b\xd5\xf4\xfc\xf5h\xa5\x10(\xa6\xc3dX\xef\xb8\x12" +
	"\xa6;VzLɄ\xb5x'Q\xa1o>z(\xee_>\x14\xe7\xe7\x8f\xfe\xb1\x86\x7fgc\x95\v\x95\xc72\xeft}\xa5w:_\xec\x9d\xea\\\x0f\x8d^\x17:;\xc7\n\xdeq\xb5\x9b\xf4\x18YNO~\xd3" +
	"\xab\xc3&5Lx\x95\n]\x86D\x03\x1b\xb0=\xe5\f7\x82\x1b\x1d\xe0\xa9\x12\xd8B{\x17\xae\xd2EZNp\xe3\x9c!b\x81xt\xbb\\q\x87\xd5\x03\x06nhq\xf1=t\x00J\xe4\x9d\xe3@y\xeb\x9b\xf3" +
	"\x98\xcdd`\x02\xb3\x94\x82\x03\xcfE*\x16\x83\x13D\x82V\xb8LRWJ\x10s\xa3L\xaa\x90\xda:\u0086\xb6\x90q\x04\x8d\xb8\xaeT\xef\xad²o\x12+\x1b\x81U\xc9\x19V\xd6c\x8d\x1e\xfa\x1e\xf1\xbaq\xc5" +
	"\xb8\x83\xb9\x9e3lU6\x9c\xb1$\x84\x91g\xb1C\xd6\x1d*FV;\x9a\xf5\xbe+\xa3\xc7\xfe\x18\xc1\xa4\x18\xd5\xe7/\xa8\xb0\xf0\xf6\xfc\xd5\xff\x8c\xc3o\xbf\xfe\xf2ۯ\xbf\xc0\xbf\x7f\xfc\xec\xcd˧\x1f^~\xf8" +
	"\xd3˧?\xbf|\xfa\xdb˧?B\xfc\xd7\xdf\xff\xba\x86\x7f\xfe\\`\xf6\xa5=Z\xbf\xe7\x7f\xfcti\x1f`\xa5\x1a\x19\x12\x96\v\x81\x8c\x95gL\x83Q\xce`\xe8\xd6+\tt\xc1J\xc3\xc2n\xbf,\xe0\x9e\xf1" +
	"{yPɨ\x92\x9bQ\xde!\xd1ą;\x94\t\xe6Jh0\x8b\xa4a\x91\x1b\xc4篫@\x94U\x86\"\xd6ݔ\xc5\xc0\x19aȒ!\xaf(\x90\xd7\t\x05ڼ\f\x85(\x81\v\x85\x05\xaf\x04n\xa2\x0f" +
	"Mm\x88\x1e\x8d\xfe\x87\xf1\xca\xd24\xef\x90٨b\xce;l\x19\xb9\xe4\x1db\xc6\xda\xef/\xf5i'<\xe7\xf5\xce\xe0\xc1\x99\t\x8c\x86Ċs\xa5~\xa3;H\xee\xbeV\x12U5\x91\xb7=,ɯt$\xbe" +
	"\xd2\x03$ذR\xa4\xa3\xe1篃\xef\x13\x8a܆#\xa4\x9d\xadZ\x85\xa6\xb0\xee\xc0`\v\xab\a\xb6\x12\x90\x1a\xba8\x90\xba\x14\x85\xd2H\xad\xca\xd9\xe2\xbd\x7f\x1f@\x05\xc9\tz\x84V\xd8*u;8\x95C" +
	"l\x98\xbfkL\xb5\x1f\xcfo\x9c\v߀c=$\xe5\xa9k\xaf]\xeb\xb7k\x7fB\x97.Ldxӝۮ`\x84+\xa8\xe14\x81L\x13\xfbI+Fs\x103\x17\x8e\x90*$\x89&\x15J\xcf!~]" +
	"M\x9a\x1d\x00FR\x1b2\x97K\xe0\x12F\x16\x18E.\xa1\xc8\r\x9aR\x88\x92\b2\xe1\x95BӀ\xc1\x0fD\xb7\xb7\x9aYd\xcet\x1fHR\x9e,LRg\xb2\x93\x9d\xae\xeeȜ;Ǆ\xa92\x95\xa40" +
	"I\xcer\vM\x87\x89;\x85`=\xff\xd3\x03\xfb*F\x1e\x8e[&\xa3s2d\xbe\x10\x9c\xff\xd16j\xac<\x12T4\x02\xe5\xb9\xf8y\xe3\xc5GV\xb6\xe3j\xf4\x8bRd\xe5\xd2'm\x9d\x107Q\x1b\xfc\xd4" +
	"P%^\xbaЃ\xf1\x9c\"\x1c\xb4\x8e\xf4Fd>M\xdb\xd6\xe3\xabB\x17q\xc1u\x83\xb1╆V\xfa\xa6l\xc1\x02\x89'\xaa\xe4\x1c0\x9c\x96?\x1a}\xf5\xc8\x1d\xa8_\x06\xef\xbbԻ\xe3\x8eF\xfd\a\\" +
	"\x0e\xa9paы3\xdc\x06ɳ\x9d\x9a\x9e\xeeT\x88\xf9\xf9K\xe1\x88\x0f\xd0Ӻ\xb6lRY\xdeb\x1d\xfc\xe8\xc1\x16\n\xddT7\xa7\xfe+U(b\xc1\xfdr\xaf\x0f\xee\xfd\t[6H\x849\xdcؖ\xc0" +
	"\x06\x11\xf3\x1a\x92\xdc\n\xb8o\xe5Jյ=\xfd<\x92\rj\xb8Q\xc0\xec\x9d=(\xf2{\x95IN=\xf7\xb8\xdd|\xa0ϙ%\xa8\xact[\xa8R\xa0셎\xf4\xb6k`\xe2\x92\x02:1\x91g\xa5n\x85" +
	"w\xca#\xc0\xbfѝV5\xbc\xd0\x11{cS.\xa4\xfaf\xe5#\\\xbd\xfc\xea\x05\r$\tn\x81W\xc5qC\xbb\xf2^\xa7\xa9\xb5\x8d\x13pb1\xa8\x9c8\xb6\xecw\xbcHQ*\xbew\xb2\x80!\xf3D0" +
	"W\x0f\xf2\rti\xe6\xedHaC\xf3b\x05>\xb4us\xbbE)17\xedE\xd8H\x93T\xbftk'K\xa7ᙯ\x14؎Bp\x7f\xeb*\x13\t#&0i\xf3\x12r\x8b\x17(2J\xdaC\xc4J" +
	"\n\xb7ENtw\xea\a\x19a\xe2\xb9վ\xa2_\xfe\aOw\x9f\x9c\xec\xed8$N\xe5\xc9\xe0A\xfe\xba.N\xfd\xc0\xd31\xdc\rם\xe85\xc2{%ĺ\a\x1c\xa5\x99\x0f\xbb\xc7,S\x82^\tvc" +
	"\x1e5a\xe1H\xc1\xf3j\x14\xc9AM\xea\xeeT\xb0R\x90\xd2wD\xa9E/R\x1e\xdc\x18\x17\x8a\x97\x93J0\x9a\x0e\x1e\x95硺\xb5\xbb\xc1z\xe0\xba\x1f\x86\xdf?\xff\xf4#\xfc\xfe\xf9\xa7?\f\x9db\x8el" +
	"\xe9v5\x9cgJ\xbd9jM\xa7\x05J'\xe02\x0fQV\xcfF>\xfa\xd6!\a\x8b\xf4%*jO\x95cƵ\xa7\xcc\xdd\xe5J\xaa8\x1f\xd5VE\xd5^\xf3,\xfd\xe3AM6\xf8\xae\xb1y\xf6a\xf7\xe7" +
	"QJ-N\xcb\x04l\x9e\x92\xae\xf7\xc4\xc4\x0e\xf9i\xf5S\xfcep\x92\xb9t\xaa\xb9x\x8a\xfa\b\xe6\xe5\xf2\xe6i\xcd\xd9\xed\x15\xa67X\xbd\xa20\x9aZ~\x94\x16GEqiI\xf4X\xcd\am\xd7\x15l\xbf" +
	"\xae`K\xf98\xa8\xf5uzsH\x05\xc5\xdd\x05{y\xbb\xc3i\xae\x15\xeb\x85\xfa\x93\xa4x\xf7Vٌ\nd\xee\xa3\xf4\xb1\x9b\xedD\x1c\x9f\xbf\x9e\x00G/ͣ\x1ft\xd4N\xb6.6\x9c\t<\x05u\x8er" +
	"\xa1@+zA\x86\xf1B\xd6Ӫv\t\\\xd4j\x8b\xc7\xe3\xa5W\x06\xee,_\x87\x05\xb6\xe7\x9fg.8\xfc\xd7Ӫ\xbf\x9f\xfa#\t\xb2\\\xa9\x8b\x04;\xee\xff\xfba\xb4Ui\xe9Պ\xf7\xc7\x19}\x8c\xec" +
	"G\xb4\xa5r\xf6\xd8\xc6\xdb\r\xf0F\xcec\x80+\xf6\x17\xccM\xbc4\xf1\xcfz2\x81\x0f\xb2\xff\xbf\xd7[\xa2쥲\xdbQd\x11\x81\xc7\xfbj\xf8O\x00\x00\x00\xff\xff"
