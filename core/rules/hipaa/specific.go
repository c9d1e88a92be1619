package hipaa

// peopleCounts before a word of people in general make them known people
// (see countedPeople).
var peopleCounts = newWordSet(listPeopleCounts)

// countedPeople reports people in general at word k counted as known ones
// ("both kids", "the two boys"... "two kids"): what "their" owns after
// them is theirs, not anyone's.
func (pp *phiPass) countedPeople(k int) bool {
	return k > 0 && (inSet(pp.d, k-1, peopleCounts) || pp.is(k-1, cCountWords))
}
