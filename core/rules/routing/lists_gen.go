// Code generated from lists/*.txt by "go test -run TestLists -update"; DO NOT EDIT.

package routing

const (
	listAdvicePhrases      = "take ibuprofen\ntake advil\ntake tylenol\ntake some\nrinse with\nsalt water\nwarm salt water\napply ice\nice pack\nit's normal\nit is normal\nthat's normal\nis normal\ntotally normal\nperfectly normal\ncompletely normal\nshould heal\nwill heal\nshould go away\nwill go away\nshould subside\nwill subside\ndon't worry\nnothing to worry about\nyou should\nyou can take\nyou can use\ntry taking\ntry using\nmg\nevery 4 hours\nevery 6 hours\nevery 4-6 hours\ntwice a day\nover the counter\nover-the-counter\navoid eating\navoid drinking\ndon't use a straw\ndo not use a straw\nsoft foods\nstick to soft\nkeep it clean\nyou'll be fine\nit's fine\nit is fine\nthat's common\nis common\nvery common\nit's safe\nit is safe\nis safe\nperfectly safe\nshould be fine\nno need to\nstop taking\nkeep taking\ndouble the dose\nantibiotic\nantibiotics\nprescribe\nprescription strength\nsounds like\nprobably just\nit's probably\nit is probably\nlikely just\nmost likely\nheat pack\nwarm compress\nelevate\nyou're fine\nyou are fine\nis fine\nare fine\ncan wait\nit can wait\nshould ease\nshould loosen\nshould settle\nit'll settle\nwill settle\nlooks like\nkeep using\nkeep wearing\nlie on\navoid chewing\nconsidered safe\nsafe while\nsafe to\ndoesn't affect\nwon't affect\ndoes not affect\nstick to\nx a day\ntimes a day\nevery night\nointment\ncream\nwax\ngauze\ncompress\nstretch\nstretches\nhydrocortisone\nbenadryl\nibuprofen\ntylenol\nadvil\nmotrin\naleve\nacetaminophen\ndose\ndoses\nsuper common\npretty common\ntotally common\ndon't stress\nno need to worry"
	listArticles           = "a\nan\nun\nuna"
	listCareImperatives    = "massage\nsoak\nice\nrinse\napply\nelevate\ndrink\nfinish\nskip\navoid\nbrush\nfloss\nmoisturize\nstretch\nhydrate\nrestart\nswitch\ntome\ntoma\ndele\ndale\ndales\npóngase\nponte\nlave\naplique\ncepíllate\nmasajee"
	listCautions           = "on your own\nby yourself\nwithout talking to\nwithout checking with\nbefore talking to\nuntil you talk\nuntil you speak\nuntil a provider\nuntil the doctor\npor su cuenta\npor tu cuenta"
	listDeferWords         = "call\nmessage\ndm\ncontact\nreach\ndentist\ndoctor\ndr\nclinician\nhygienist\nnurse\nprovider\nsurgeon\northodontist\nteam\nappointment\nevaluate\nlook\nexamine\nprivately\noffice\nexam\nphysician\npa\nnp\ntherapist\nllame\nllámenos\nllama\nllámanos\nenfermera\nenfermeras\nenfermería\nmédico\nrevisión\nconsult\nconsultation\nconsults"
	listFeelings           = "nervous\nnerves\nnervousness\nanxious\njittery\nscared\nafraid\nfrightened\napprehensive\nemotional\noverwhelmed\nexcited\nteary"
	listGeneralFrames      = "most people\nmany people\na lot of people\nlots of people\nmost patients\nmost clients\nmost adults\nmost kids\nmost children\nfor most\ngenerally\nin general\ngeneral rule\ngeneral tips\neveryone's\nla mayoría"
	listGuardWords         = "us\nme\nby\nin\nup\nour\nit"
	listGuardedImperatives = "give\nstop\nkeep"
	listSofteners          = "just\ngently\nplease\nsimply\nthen\nalso\nand\nsolo\nyes\nyep\nyeah\nyup\nnope\nsí\nsi\nok\nokay"
	listVerdictCopulas     = "is\nare\nit's\nthat's\nthey're\nes\nson\nbe"
	listVerdictModifiers   = "a\nan\nun\nuna\nvery\nusually\ngenerally\noften\ntotally\nperfectly\ncompletely\npretty\nquite\nreally\nsuper\nalso\nstill\nknown\nlisted\ncommon\nside\nmuy\nbastante"
	listVerdictNouns       = "effect\neffects\nefecto"
	listVerdicts           = "normal\ncommon\nexpected\nfine\nsafe\nharmless\ntypical\neffect\neffects\nefecto\nnormales"
	listWorryAsks          = "is it normal\nis this normal\nis that normal\nshould i worry\nshould i be worried\nshould we worry\nshould we be worried\nworried\nes normal\nme preocupa\nqué hago\nque hago\nqué le doy\nque le doy\nwhat do i do\nshould i go to the er\nshould i take\ncan i take"
)
