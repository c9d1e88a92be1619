// Code generated from lists/*.txt by "go test -run TestLists -update"; DO NOT EDIT.

package complaint

const (
	listApologies     = "sorry\napologize\napologise\napologies\nregret\nlo sentimos\nlo siento\ndisculpe\ndisculpas\nlamentamos"
	listMarkers       = "your complaint\nthese accusations\nthis accusation\nyour accusations\nyou claim\nyou claimed\nyou allege\nyou alleged\nyou stated\nyou wrote\nyou said we\nyou're upset\nyou are upset\none star\n1 star\n1-star\none-star\nnegative review\nbad review\nnot what happened\nnot true\nis false\nare false\nfalse claims\nfalse information\nfalse accusation\ndefamatory\nmisleading\nwe stand by\nwe stand behind\nlet's be clear\njust saying\nneglected to mention\nyou left out\nwe are not going to debate\nwe will not engage\nnot accurate\nwant to clarify\nlike to clarify\nneed to clarify\nmust clarify\npoint out that\ncorrect the record\ncorrect one thing\nmatter closed\nfree to seek\nthe reviewer\nthis reviewer\nthe reviewer's\nnot be responding\nno es cierto\nno es verdad\nno es culpa\nno reflejan la realidad\nno refleja la realidad"
	listNotComplaints = "for your loss\npassing\npassed away\ncondolences\nsympathy\nregret to inform\ndidn't understand\ndid not understand"
	listReviews       = "your review\nthis review\nyour post\nyour reviews\nleave a review\nleft a review\nwrite this review"
	listThanks        = "thank\nthanks\nthank you\ngracias\nappreciate"
)
