package model

import "strings"

// terms splits a query into its lower-cased, whitespace-separated terms.
func terms(query string) [][]rune {
	var terms [][]rune
	for _, w := range strings.Fields(query) {
		terms = append(terms, []rune(lower(w)))
	}
	return terms
}

// query is a parsed query: its terms and their rune masks, and how each
// term matches each area (see areaScore), worked out once per search.
type query struct {
	terms  [][]rune
	masks  []uint64
	facets []Facet
	err    error // the query cannot be used: it matches nothing
	// areaScores holds a row for each area, a column for each term.
	areaScores []int
}

// areaScore is how term k matches the area name at index area of the
// Index, or -1 when it does not.
func (q *query) areaScore(area int32, k int) int {
	return q.areaScores[int(area)*len(q.terms)+k]
}

// scoreAreas matches every term against every area name, once, filling
// q.areaScores row by row.
func (ix *Index) scoreAreas(q *query) {
	q.areaScores = make([]int, 0, len(ix.areas)*len(q.terms))
	for a, name := range ix.areas {
		for k, t := range q.terms {
			score := -1
			if q.masks[k]&ix.areaMasks[a] == q.masks[k] {
				if s, ok := matchInWord(name, t); ok {
					score = s
				}
			}
			q.areaScores = append(q.areaScores, score)
		}
	}
}

func parseQuery(q string) query {
	words, facets, err := ParseQuery(q)
	pq := query{terms: terms(strings.Join(words, " ")), facets: facets, err: err}
	for _, t := range pq.terms {
		var m uint64
		for _, r := range t {
			m |= runeBit(r)
		}
		pq.masks = append(pq.masks, m)
	}
	return pq
}
