package model

import (
	"strings"
	"unicode"
)

// term is one fuzzy word of a query, lower-cased, with what matching it
// needs worked out once per search.
type term struct {
	runes []rune
	text  string // the runes as UTF-8
	mask  uint64 // the bits of its runes (runeBit)
	// at holds the byte offset in text of each rune, and len(text) last.
	at []int
	// swaps holds, for a term of typoMin runes or more, the term with
	// runes j and j+1 swapped at index j: the typos findTypo finds.
	swaps []string
	// asTyped is what the term scores found as typed, but for the bonus
	// of a word start at its first rune (see score).
	asTyped int
}

// score is what the term scores found as typed, at a word start or not:
// what scorePositions gives its runes in a row, without looking at the
// text, as the runes before each but the first are the term's own.
func (t *term) score(atWordStart bool) int {
	s := t.asTyped
	if atWordStart {
		s += bonusWordStart + bonusFirst
	}
	return clampScore(s)
}

// newTerm prepares a lower-cased word for matching.
func newTerm(word string) term {
	t := term{runes: []rune(word), text: word}
	t.at = make([]int, 0, len(t.runes)+1)
	for i, r := range word {
		t.at = append(t.at, i)
		t.mask |= runeBit(r)
	}
	t.at = append(t.at, len(word))
	for k := range t.runes {
		t.asTyped += scoreRune
		if k > 0 {
			t.asTyped += bonusAdjacent
			if prev := t.runes[k-1]; !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
				t.asTyped += bonusWordStart
			}
		}
	}
	if n := len(t.runes); n >= typoMin {
		// One string holds them all, one after another.
		b := make([]byte, 0, (n-1)*len(word))
		for j := 0; j+1 < n; j++ {
			b = append(b, word[:t.at[j]]...)
			b = append(b, word[t.at[j+1]:t.at[j+2]]...)
			b = append(b, word[t.at[j]:t.at[j+1]]...)
			b = append(b, word[t.at[j+2]:]...)
		}
		all := string(b)
		t.swaps = make([]string, n-1)
		for j := range t.swaps {
			t.swaps[j] = all[j*len(word) : (j+1)*len(word)]
		}
	}
	return t
}

// runeAt returns the index of the rune of t that holds byte m of its text.
func (t *term) runeAt(m int) int {
	j := 0
	for t.at[j+1] <= m {
		j++
	}
	return j
}

// query is a parsed query: its terms, its facets, and how each term
// matches each area (see areaScore), worked out once per search.
type query struct {
	terms  []term
	facets []Facet
	err    error // the query cannot be used: it matches nothing
	// areaScores holds a row for each area, a column for each term.
	areaScores []int
	// kindScores holds, for each term, how it matches the name of each
	// of FacetKinds, by its index there, or -1; never home's, as every
	// project has one. (kindNames has room for every kind.)
	kindScores [][len(kindNames)]int
	kindMasks  []uint16 // for each term, the kinds it matches (kindBit)
}

// kindScore is how term k matches the name of one of a project's link
// kinds (kindBit's bits), the best of them; or -1.
func (q *query) kindScore(kinds uint16, k int) int {
	if kinds&q.kindMasks[k] == 0 {
		return -1
	}
	best := -1
	for i := range FacetKinds {
		if kinds&(1<<i) != 0 {
			best = max(best, q.kindScores[k][i])
		}
	}
	return best
}

// scoreKinds matches every term against the names of the link kinds.
func (q *query) scoreKinds() {
	q.kindScores = make([][len(kindNames)]int, len(q.terms))
	q.kindMasks = make([]uint16, len(q.terms))
	for k := range q.terms {
		for i, kind := range FacetKinds {
			q.kindScores[k][i] = -1
			if kind == KindHome {
				continue
			}
			if s, ok := matchField(kind.String(), &q.terms[k], nil); ok {
				q.kindScores[k][i] = s
				q.kindMasks[k] |= 1 << i
			}
		}
	}
}

// areaScore is how term k matches the place at index area of the Index
// (its best name), or -1 when it does not.
func (q *query) areaScore(area int32, k int) int {
	return q.areaScores[int(area)*len(q.terms)+k]
}

// scoreAreas matches every term against every place's names, once,
// filling q.areaScores row by row: a place scores its best name's score.
func (ix *Index) scoreAreas(q *query) {
	q.areaScores = make([]int, 0, len(ix.areas)*len(q.terms))
	for a, names := range ix.areas {
		for k := range q.terms {
			t := &q.terms[k]
			score := -1
			if t.mask&ix.areaMasks[a] == t.mask {
				for _, name := range names {
					if s, ok := matchField(name, t, nil); ok {
						score = max(score, s)
					}
				}
			}
			q.areaScores = append(q.areaScores, score)
		}
	}
}

func parseQuery(q string) query {
	words, facets, err := ParseQuery(q)
	pq := query{facets: facets, err: err}
	for _, w := range words {
		// A quoted word may hold spaces: each part is a term of its own.
		for _, f := range strings.Fields(w) {
			pq.terms = append(pq.terms, newTerm(lower(f)))
		}
	}
	return pq
}
