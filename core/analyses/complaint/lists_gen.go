// Code generated from lists/*.txt by "go test -run TestLists -update"; DO NOT EDIT.

package complaint

const (
	listApologies             = "sorry\napologize\napologise\napologies\nregret\nlo sentimos\nlo siento\ndisculpe\ndisculpas\nlamentamos"
	listCounterfactualOpeners = "if you had\nif you'd\nif u had\nif you hadn't"
	listCounterfactualResults = "would\nwouldn't\nyou'd"
	listDenialSubjects        = "we\nyou\nthat\nthis\nit\nthey\nnobody"
	listFalsityWords          = "false\nfake\nlies\nlying\nuntrue\nfabricated\nbogus"
	listFaultConditions       = "if\nsi\nwhenever\nunless\ncase"
	listFaultFillers          = "only\nstill\nalso\nthen\njust\nhad\nhave\nhas\nwere\nwas\nalready\nrepeatedly\nsimply\nliterally\nnow\never\neven\nya\ntambién"
	listFaultSubjects         = "you\nu\nusted"
	listFaultVerbs            = "missed\nskipped\nfailed\nrefused\ndeclined\nchose\nstopped\nquit\nignored\nforgot\nneglected\nno-showed\nbegged\ndemanded\nyelled\nscreamed\ncursed\nowe\ndidn't\nnever\nweren't\nlate\ndejó\nfaltó\nrechazó\nignoró\nolvidó\nllegó\nvino\ngritó"
	listIrregularPast         = "did\ncame\nshowed\npaid\nwore\nwent\nbrought\ngave\ntook\nread\nleft\nkept\nwrote"
	listMarkers               = "your complaint\nthese accusations\nthis accusation\nyour accusations\nyou claim\nyou claimed\nyou allege\nyou alleged\nyou stated\nyou wrote\nyou said we\nyou're upset\nyou are upset\none star\n1 star\n1-star\none-star\nnegative review\nbad review\nnot what happened\nnot true\nis false\nare false\nfalse claims\nfalse information\nfalse accusation\ndefamatory\nmisleading\nwe stand by\nwe stand behind\nlet's be clear\njust saying\nneglected to mention\nyou left out\nwe are not going to debate\nwe will not engage\nnot accurate\nwant to clarify\nlike to clarify\nneed to clarify\nmust clarify\npoint out that\ncorrect the record\ncorrect one thing\nmatter closed\nfree to seek\nthe reviewer\nthis reviewer\nthe reviewer's\nnot be responding\nno es cierto\nno es verdad\nno es culpa\nno reflejan la realidad\nno refleja la realidad\nyour responsibility\nfor the record\nset the record straight\nwe explained this\nwe explained that\nexplained this to you\nexplained that to you\nwe documented\nis documented\ndocumented everything\nyou signed\npaperwork you signed\nnot because of us\nisn't our problem\nisn't our fault\nnobody forced you\nno one forced you\nsince you chose\nsince you want to\nposting here\ncomplaining online\ncomplaining on"
	listNotComplaints         = "for your loss\npassing\npassed away\ncondolences\nsympathy\nregret to inform\ndidn't understand\ndid not understand\nsu pérdida\ntu pérdida\npésame"
	listPublishedWords        = "review\nreviews\npost\nposts\nposting\nposted\nspreading"
	listQuotePersons          = "you\nyour\nu\nur\nwe\nus\nusted"
	listReproachLeadIns       = "lol\nok\nokay\nk\nwell\nso\nhonestly"
	listReproachOpeners       = "maybe\nquizás\nquizá"
	listReviews               = "your review\nthis review\nyour post\nyour reviews\nleave a review\nleft a review\nwrite this review\nthat review\nreview like this\nreviews like this\nrespond to reviews\nwhoever left\nwhoever wrote"
	listSneerEmoji            = "🙄\n💅\n🙃\n🤷"
	listThanks                = "thank\nthanks\nthank you\ngracias\nappreciate"
	listVisitParticles        = "by\nin\nover"
)
