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
// term matches each area (areaScores[area*len(terms)+term], -1: it does
// not), worked out once per search.
type query struct {
	terms      [][]rune
	masks      []uint64
	areaScores []int
	facets     []Facet
	err        error // the query cannot be used: it matches nothing
}

// scoreAreas matches every term against every area name, once.
func (ix *Index) scoreAreas(q *query) {
	q.areaScores = make([]int, len(ix.areas)*len(q.terms))
	for a, name := range ix.areas {
		for k, t := range q.terms {
			q.areaScores[a*len(q.terms)+k] = -1
			if q.masks[k]&ix.areaMasks[a] == q.masks[k] {
				if s, ok := matchInWord(name, t); ok {
					q.areaScores[a*len(q.terms)+k] = s
				}
			}
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
