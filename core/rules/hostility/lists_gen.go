// Code generated from lists/*.txt by "go test -run TestLists -update"; DO NOT EDIT.

package hostility

const (
	listDismissive = "not our fault\nnot our problem\ntake it up with\nif you don't like it\nif you don't like that\ngo elsewhere\nlook elsewhere\ntake your business elsewhere\nfind another office\nfind another practice\nfind another provider\nfind another doctor\nfind another dentist\nsorry not sorry\nthat's just how it is\nthat's how it works\nasí funciona\nhaters\nignore the haters\ntroll\ntrolls\ntrolling\nbeen banned\nbanned from\ngo somewhere else\nstop posting\nnothing more to say\nnot be responding further"
	listIgnorant   = "ignorant\nclueless\neducate yourself\ndo your research\ndo some research\ndo your homework\nresearch before posting\nresearch before you post\nbefore you post\nthink before you post\nread before you\nplan ahead\nplanned ahead\ninstead of complaining\nrather than complaining\nstop complaining\nquit complaining\nlearn to read\nobviously you don't understand\nyou don't understand\nyou wouldn't understand"
	listInsults    = "idiot\nidiots\nmoron\nstupid\nclown\npathetic\ncrazy person\nunhinged\ndelusional\nentitled\nget a life\nshut up\nso rude of you\nhow dare you"
	listLegal      = "lawyer\nlawyers\nattorney\nattorneys\nlegal action\nlegal counsel\ndefamation\ndefamatory\nslander\nslanderous\nlibel\nlibelous\nsue\nsue you\nlawsuit\ncease and desist\ntake this down\nremove this review\nremove your review\ndelete this review\nlegal team\nin court\nto court\nsmall claims"
	listLiar       = "liar\nyou're lying\nyou are lying\nyou lied\nthat's a lie\nthat is a lie\nan outright lie\nlies\nmaking things up\nmaking this up\nmade this up\nmade up story\nfabricated\nfake review\ndishonest review\nreview is fake\nreview is a lie"
	listMockery    = "cry me a river\nboo hoo\nboohoo\npoor you\npoor baby\nbless your heart\nnice try\nnewsflash"
)
