// Code generated from lists/*.txt by "go test -run TestLists -update"; DO NOT EDIT.

package complaint

const (
	listMarkers = "your review\nthis review\nyour complaint\nthese accusations\nthis accusation\nyour accusations\nyou claim\nyou claimed\nyou allege\nyou alleged\nyou stated\nyou wrote\nyou said we\nyou're upset\nyou are upset\none star\n1 star\n1-star\none-star\nnegative review\nbad review"
)
