package model

// Match is one project found by a search.
type Match struct {
	// Project is the index of the project in the searched slice.
	Project int
	// Score ranks matches: higher is better.
	Score int
}

// Field weights: every term that matches a name outranks any that matches
// only a goal, which outranks any matching only the other fields.
const (
	weightName   = 3000
	weightGoal   = 2000
	weightOther  = 1000
	maxTermScore = weightOther - 1
)

// Field levels, a single term's score divided by weightOther: score
// checks the fields at and below a level.
const (
	levelGoal = weightGoal / weightOther
	levelName = weightName / weightOther
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
// whole name ("gtkpr" finds "OPA Gatekeeper"), and fuzzy within one word of
// the goal and the other fields, where a match spread over a sentence would
// match nearly anything ("csi" is in "clusters using Cluster API").
func (ix *Index) score(i int, q query, level int) (int, bool) {
	e := &ix.entries[i]
	total := 0
	for k, t := range q.terms {
		m := q.masks[k]
		best := -1
		if len(t) == 1 && (isASCIILetter(t[0]) || '0' <= t[0] && t[0] <= '9') {
			// A letter or a digit has a bit of its own: the masks say
			// where it occurs and whether a word starts with it.
			switch {
			case level >= levelName && m&e.nameMask != 0:
				best = weightName + oneLetterScore(m&e.nameStarts != 0)
			case level >= levelGoal && m&e.goalMask != 0:
				best = weightGoal + oneLetterScore(m&e.goalStarts != 0)
			case q.areaScores[int(e.area)*len(q.terms)+k] >= 0:
				best = weightOther + q.areaScores[int(e.area)*len(q.terms)+k]
			case m&e.otherMask != 0:
				best = weightOther + oneLetterScore(m&e.otherStarts != 0)
			default:
				return 0, false
			}
			total += best
			continue
		}
		if level >= levelName && m&e.nameMask == m {
			if s, ok := matchTerm(e.name(), t, nil); ok {
				best = weightName + s
			}
		}
		if best < 0 && level >= levelGoal && m&e.goalMask == m {
			if s, ok := matchInWord(e.goal(), t); ok {
				best = weightGoal + s
			}
		}
		// The other fields: the area first, as the user reads them.
		if best < 0 {
			if s := q.areaScores[int(e.area)*len(q.terms)+k]; s >= 0 {
				best = weightOther + s
			}
		}
		if best < 0 && m&e.otherMask == m {
			if s, ok := matchInWord(e.other(), t); ok {
				best = weightOther + s
			}
		}
		if best < 0 {
			return 0, false
		}
		total += best
	}
	return total, true
}

func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' }
