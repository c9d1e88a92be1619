// Code generated from lists/*.txt by "go test -run TestLists -update"; DO NOT EDIT.

package practice

const (
	listContactParticles       = "with\nto\nfor"
	listContactVerbs           = "ask\nspeak\ntalk\ncontact\nreach\ncall\nemail\nmessage\ntext\nsee"
	listContactVerbsImperative = "call\ntext\ndial\nreach\ncontact\nphone\nfax\nring\nemail\ne-mail\nmessage\nwrite"
	listFirstPersonSubjects    = "we\nwe'll\ni\ni'll\nwill\nwe'd\ni'd\nwe've\ni've\nwe're"
	listPersonalMarkers        = "you\nyour\nyou're\nyours\nhim\nher\nhis\nthem\ntheir\nson\ndaughter\nhusband\nwife\nmom\ndad\npatient\npatient's\nshe\nhe\nthey"
	listPracticeMarkers        = "us\nour\nours\nwe\nwe're\nwe've\nwe'll\noffice\ndesk\nteam\npractice\nclinic\nbilling\nmanager\nreception\nfax\nmain\nline\nhotline\ndirect\nfront\noffices\nlocation\nlocations\nlocated\ndepartment\nscheduling\ncoordinator\nhours\nwebsite\nsite\npage\nportal\nonline\nvisit\ndm\ninbox"
	listRecipientVerbs         = "sent\nemailed\nmailed\ntexted\ncalled\nforwarded\nfaxed\nreached\nleft\ncalling\nemailing\ntexting\nmailing\nre-sent\nresent"
	listRoleLinks              = "our\nthe\nfrom\nin\nat"
	listRoleLinksFar           = "our\nfrom\nat"
	listRoleWords              = "manager\ncoordinator\nreceptionist\nhygienist\ndentist\ndoctor\nteam\noffice\nowner\ndds\ndmd\nmd\nnp\npa\nrn\nlpn\nfront\ndesk\nbilling\nassistant\ndirector\nadministrator\npractice\nstaff\northo\northodontist\nspecialist\nmarketing\nsocial\nmedia\nlead\npartner\nfounder\nphysician\nnurse\ntherapist\npt\ndpt"
	listSelfIntroductions      = "i'm\nim\nthis is\nname is"
	listSignatureOpeners       = "-\n—\n–\n~\nxo"
	listSignoffWords           = "xoxo\ncheers\nbest\nsincerely\nregards\nwarmly\nthanks\nlove\nteam"
	listStaffTitles            = "dr\ndr.\ndoctor\nnurse\nhygienist\nnp\npa\nassistant\nmanager\ncoordinator\nreceptionist\ndentist\northodontist\ntherapist\nprovider"
)
