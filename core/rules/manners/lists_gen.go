// Code generated from lists/*.txt by "go test -run TestLists -update"; DO NOT EDIT.

package manners

const (
	listAcknowledgments    = "welcome\npleasure\nanytime\nany time\nof course\nglad\nprivilege\nhonored\nhonoured\nhappy to help\nyou bet\nno problem\ncongrats\ncongratulations\nde nada\ncon gusto\nfelicidades\nback at you\nright back"
	listAffirmations       = "yes\nyesss\nyep\nyeah\nsure\nok\nokay\nk"
	listApologyWords       = "sorry\napologize\napologise\napologies\napology\napologizing\nregret\nregrets\nlamentamos\nlamento\nsentimos\nsiento\ndisculpe\ndisculpa\ndisculpas\ndisculpen\nperdón\nperdone\nsad to hear\nsad to read\nsad to see\nsad to learn\nsaddened to hear\nsaddened to read\nsaddened to see\nsaddened to learn\nheartbroken to hear\nheartbroken to read\nheartbroken to see\nheartbroken to learn\nhate to hear\nhate to read\nhate hearing\nhate that you\nhate that your"
	listDescribingSubjects = "it\nit'll\nwe\nwe'll\nwe're\nthey\nthey'll\nshould\nwill\ncan\ncould\nwould\nmay\nmight\nwatching\nwatch\nseeing\nsee\nhelping\nhelp\nlet\nto\ngonna"
	listForeignThanks      = "谢谢\n感谢\nありがとう\ncảm ơn\ngracias\ndziękuj\nmerci\ndanke\nobrigad"
	listFriendlyAsks       = "tell\ntag\nsend\nshare"
	listGreetWords         = "hi\nhello\nhey\nyes\nsure\nabsolutely\ndefinitely\nof\ngreat\ngood"
	listHowWords           = "how\ncómo\ncomo"
	listLaughs             = "lol\nlmao\nlmfao\nugh"
	listObligationWords    = "need\nhave\ngot\njust"
	listOpinionHolders     = "you\nle\nte"
	listOpinionVerbs       = "disagree\ndisagreed\nmisunderstood\nmisunderstand\nperceive\nperceived\nparece\npareció"
	listPersonWords        = "you\nyour\nyou're\nyours\nyourself\nyou've\nyou'll\ny'all\nyall\ntoo"
	listPracticePraise     = "y'all\nyall\nguys\nteam\nstaff\noffice\npractice\nclinic\ndr\ndoctor\nnurse\nshoutout\nshout\nbest"
	listPromoAsks          = "link in bio\nbook now\nuse code\nleave us a review\nleave us a google review\ndon't forget to leave\ntell your friends\nfollow us"
	listRequestOpeners     = "fill\nshare\nleave\ntag\nvote\ncomplete\nfollow\nlike\nreview\nsubscribe\nrate\nsign\nclick\nsubmit\nsend\ntell\nnominate\nspread\npost"
	listReturnedPraise     = "best\nrock\nrocks\nfavorite\nfavourite\nsweetest\nsuperstar\nstar\nchamp\nbrave"
	listRudePhrases        = "read the sign\nwhatever\nnot our problem\nnot our fault\ndeal with it\ncalm down\nget over it\nlearn to read\nas we already said\nas we already told you\nlike we said\ngo somewhere else\ngo elsewhere\nfind another dentist\nfind another doctor\nfind another office\ntake your business elsewhere\ndon't come back\ndo not come back\nyou're not welcome\nstupid\nidiot\nridiculous\nnonsense\nget a life\ngrow up\nshut up\nbe patient\njump to conclusions\nbefore complaining\ngive it time\nyour problem\ntoo bad\ntough luck\nnobody cares\nwho cares\nnot our job\nfigure it out\nobviously you\nclearly you didn't\nlol\nlmao\nsmh\nugh\nif you don't like it\nif you don't like\ncry about it\nentitled\nsorry not sorry"
	listRudeWhenTold       = "calm\nfigure\ngrow\ngive\ndeal\nget"
	listSarcasmEmoji       = "🙄\n🙃"
	listShareWords         = "shared\nsharing\ntagged\ntagging\nreposted\nreposting"
	listSubjectPronouns    = "we\ni\nyou\nthey\nhe\nshe\nit\nwe've\nwe're\ni've\ni'm"
	listThanksEmoji        = "🙏"
	listThanksWords        = "thank\nthanks\nthx\nty\nappreciate\nappreciated\nappreciates\ngrateful\ngracias\nmerci\nkudos\nthankful\ntysm\ntyvm\nthnx"
	listWarmWords          = "welcome\npleasure\nglad\nhappy\nlove\nloved\nyay\ncongrats\ncongratulations\nproud\ngrateful\nanytime\nexcited\nthrilled\naww\nawesome\namazing\nwonderful\nsweet\njoy\nprivilege\nhonored\nhonoured\ndelighted\nwoohoo\nyes\nyesss"
)
