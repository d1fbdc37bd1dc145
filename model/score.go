package model

// Match is one project found by a search.
type Match struct {
	// Project is the index of the project in the searched slice.
	Project int
	// Score ranks matches: higher is better. Each term adds the weight of
	// the field it matched in, so a better field always ranks higher.
	Score int
	// Field is where the query's terms matched: for several terms, the
	// lowest of their fields. A query without terms matches in FieldNone.
	Field Field
}

// Field is a part of a project a search term can match in. Fields are
// ordered: a term that matches in a higher one ranks above any that
// matches only in a lower one.
type Field uint8

// The fields, lowest first.
const (
	// FieldNone is no field: the query had no term to match.
	FieldNone Field = iota
	// FieldOther is the area, the maturity, the link labels and the
	// names of the links' kinds.
	FieldOther
	// FieldGoal is the project's goal.
	FieldGoal
	// FieldName is the project's name.
	FieldName
)

// Field weights, what a term scores for the field it matched in: more than
// any term scores for how well it matched (maxTermScore), so every term
// that matches a name outranks any that matches only a goal, which
// outranks any matching only the other fields.
const (
	weightName   = 3000
	weightGoal   = 2000
	weightOther  = 1000
	maxTermScore = weightOther - 1
)

// oneLetterScore is what a one-letter term scores in a field: one letter,
// and the word-start bonus when a word of the field starts with it.
func oneLetterScore(starts bool) int {
	if starts {
		return scoreRune + bonusWordStart + bonusFirst
	}
	return scoreRune
}

// score matches every term against a project's fields: fuzzy over the
// whole name ("gtkpr" finds "OPA Gatekeeper"), and as typed in the goal and
// the other fields, where letters spread over a sentence or a mail address
// would match nearly anything ("csi" is in "clusters using Cluster API");
// a term of typoMin runes or more also matches with a typo (matchName,
// matchField). Only the fields up to top are tried: a narrowed search
// knows a term cannot match higher.
func (ix *Index) score(i int, q query, top Field) (int, Field, bool) {
	e := &ix.entries[i]
	total, field := 0, FieldNone
	for k := range q.terms {
		t := &q.terms[k]
		m := t.mask
		best, f := -1, FieldNone
		if len(t.runes) == 1 && (isASCIILetter(t.runes[0]) || '0' <= t.runes[0] && t.runes[0] <= '9') {
			// A letter or a digit has a bit of its own: the masks say
			// where it occurs and whether a word starts with it.
			switch {
			case top >= FieldName && m&e.nameMask != 0:
				best, f = weightName+oneLetterScore(m&e.nameStarts != 0), FieldName
			case top >= FieldGoal && m&e.goalMask != 0:
				best, f = weightGoal+oneLetterScore(m&e.goalStarts != 0), FieldGoal
			case q.areaScore(e.area, k) >= 0:
				best, f = weightOther+q.areaScore(e.area, k), FieldOther
			case m&e.otherMask != 0:
				best, f = weightOther+oneLetterScore(m&e.otherStarts != 0), FieldOther
			case q.kindScore(e.kinds, k) >= 0:
				best, f = weightOther+q.kindScore(e.kinds, k), FieldOther
			default:
				return 0, FieldNone, false
			}
		} else {
			if top >= FieldName && m&e.nameMask == m {
				if s, ok := matchName(e.name(), t, nil); ok {
					best, f = weightName+s, FieldName
				}
			}
			if best < 0 && top >= FieldGoal && m&e.goalMask == m {
				if s, ok := matchField(e.goal(), t, nil); ok {
					best, f = weightGoal+s, FieldGoal
				}
			}
			// The other fields: the area first, as the user reads them.
			if best < 0 {
				if s := q.areaScore(e.area, k); s >= 0 {
					best, f = weightOther+s, FieldOther
				}
			}
			if best < 0 && m&e.otherMask == m {
				if s, ok := matchField(e.other(), t, nil); ok {
					best, f = weightOther+s, FieldOther
				}
			}
			if best < 0 {
				if s := q.kindScore(e.kinds, k); s >= 0 {
					best, f = weightOther+s, FieldOther
				}
			}
			if best < 0 {
				return 0, FieldNone, false
			}
		}
		total += best
		if k == 0 || f < field {
			field = f
		}
	}
	return total, field, true
}

func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' }
