// Code generated from lists/*.txt by "go test -run TestLists -update"; DO NOT EDIT.

package words

const (
	listFirstPerson = "i\nmy\nme\ni'm\ni've\ni'd\nmine\nmyself\nwe\nour\nim\nive\ni'll\nwe're\nwe've"
	listNegators    = "not\nno\nnever\ndon't\ndidn't\nisn't\nwasn't\nwon't\ncan't\ncannot\nnobody\nhardly\nbarely\nwithout"
	listPlease      = "please\npls\nplz\nkindly"
)
