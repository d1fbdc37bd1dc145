package model

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Index is a catalog prepared for fuzzy search: the searchable text of each
// project, lower-cased once.
type Index struct {
	entries []entry
}

// entry holds one project's searchable fields, lower-cased rune by rune so
// that rune positions in them are rune positions in the original text.
type entry struct {
	name  string
	goal  string
	other string // area, maturity and link labels, one per line
}

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

// NewIndex prepares projects for Search.
func NewIndex(projects []Project) *Index {
	ix := &Index{entries: make([]entry, len(projects))}
	for i := range projects {
		p := &projects[i]
		var other strings.Builder
		other.WriteString(p.Area)
		other.WriteByte('\n')
		other.WriteString(p.Maturity.Text)
		for _, l := range p.Links {
			other.WriteByte('\n')
			other.WriteString(l.Label)
		}
		ix.entries[i] = entry{
			name:  lower(p.Name),
			goal:  lower(p.Goal.Plain()),
			other: lower(other.String()),
		}
	}
	return ix
}

// Len returns the number of projects in the index.
func (ix *Index) Len() int { return len(ix.entries) }

// Terms splits a query into its lower-cased, whitespace-separated terms.
func Terms(query string) [][]rune {
	var terms [][]rune
	for _, w := range strings.Fields(query) {
		terms = append(terms, []rune(lower(w)))
	}
	return terms
}

// Search returns the projects matching every term of query, best first;
// equal scores keep catalog order. An empty query matches everything in
// catalog order. only, when not nil, restricts the search to those projects.
func (ix *Index) Search(query string, only []int) []Match {
	terms := Terms(query)
	var out []Match
	visit := func(i int) {
		if s, ok := ix.score(i, terms); ok {
			out = append(out, Match{Project: i, Score: s})
		}
	}
	if only != nil {
		for _, i := range only {
			visit(i)
		}
	} else {
		for i := range ix.entries {
			visit(i)
		}
	}
	if len(terms) > 0 {
		sort.SliceStable(out, func(a, b int) bool { return out[a].Score > out[b].Score })
	}
	return out
}

// score matches every term against a project's fields: fuzzy over the
// whole name ("gtkpr" finds "OPA Gatekeeper"), and fuzzy within one word of
// the goal and the other fields, where a match spread over a sentence would
// match nearly anything ("csi" is in "clusters using Cluster API").
func (ix *Index) score(i int, terms [][]rune) (int, bool) {
	e := &ix.entries[i]
	total := 0
	for _, t := range terms {
		best := -1
		if s, ok := matchTerm(e.name, t, nil); ok {
			best = weightName + s
		} else if s, ok := matchInWord(e.goal, t); ok {
			best = weightGoal + s
		} else if s, ok := matchInWord(e.other, t); ok {
			best = weightOther + s
		}
		if best < 0 {
			return 0, false
		}
		total += best
	}
	return total, true
}

// NamePositions returns the rune positions in project i's name that the
// query's terms matched, for highlighting.
func (ix *Index) NamePositions(i int, query string) []int {
	name := ix.entries[i].name
	var pos []int
	for _, t := range Terms(query) {
		var bytePos []int
		if _, ok := matchTerm(name, t, &bytePos); ok {
			pos = append(pos, bytePos...)
		}
	}
	if len(pos) == 0 {
		return nil
	}
	sort.Ints(pos)
	// Convert byte offsets to rune positions in one pass.
	runes := make([]int, 0, len(pos))
	r, k := 0, 0
	for b := range name {
		for k < len(pos) && pos[k] == b {
			if len(runes) == 0 || runes[len(runes)-1] != r {
				runes = append(runes, r)
			}
			k++
		}
		r++
	}
	return runes
}

// Scores for matchTerm: each matched rune scores, more at a word start and
// right after the previous match; gaps cost.
const (
	scoreRune       = 16
	bonusWordStart  = 10
	bonusFirst      = 4
	bonusAdjacent   = 8
	penaltyGapOpen  = 3
	penaltyGapExtra = 1
)

// matchTerm matches term (lower-case runes) against text (lower-case) as a
// subsequence and scores the best of two alignments: the tightest window
// found by a forward then a backward scan, and the first contiguous
// occurrence at a word start (or else the first contiguous one). When pos is
// not nil it receives the byte offsets of the matched runes.
func matchTerm(text string, term []rune, pos *[]int) (int, bool) {
	if len(term) == 0 {
		return 0, true
	}
	// Forward: does the term occur as a subsequence, and where does it end?
	end := 0
	for _, r := range term {
		j := indexRune(text[end:], r)
		if j < 0 {
			return 0, false
		}
		end += j + utf8.RuneLen(r)
	}
	// Backward from the end: the tightest window ending there.
	var buf [32]int
	fuzzy := buf[:0]
	if len(term) > len(buf) {
		fuzzy = make([]int, 0, len(term))
	}
	fuzzy = fuzzy[:len(term)]
	at := end
	for k := len(term) - 1; k >= 0; k-- {
		j := strings.LastIndex(text[:at], string(term[k]))
		fuzzy[k] = j
		at = j
	}
	best := scorePositions(text, fuzzy)
	bestPos := fuzzy

	var cbuf [32]int
	if s, ok := contiguous(text, term, cbuf[:0]); ok {
		if cs := scorePositions(text, s); cs > best {
			best, bestPos = cs, s
		}
	}
	if pos != nil {
		*pos = append((*pos)[:0], bestPos...)
	}
	if best > maxTermScore {
		best = maxTermScore
	}
	if best < 0 {
		best = 0
	}
	return best, true
}

// matchInWord matches term within one word of text (words are separated by
// white space) and returns the best word's score.
func matchInWord(text string, term []rune) (int, bool) {
	best, found := 0, false
	for start := 0; start < len(text); {
		end := strings.IndexAny(text[start:], " \t\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if end-start >= len(term) {
			if s, ok := matchTerm(text[start:end], term, nil); ok && (!found || s > best) {
				best, found = s, true
			}
		}
		start = end + 1
	}
	return best, found
}

// contiguous finds term as a substring, preferring an occurrence at a word
// start, and returns the byte offsets of its runes.
func contiguous(text string, term []rune, out []int) ([]int, bool) {
	needle := string(term)
	first := -1
	for from := 0; from <= len(text); {
		j := strings.Index(text[from:], needle)
		if j < 0 {
			break
		}
		j += from
		if first < 0 {
			first = j
		}
		if wordStart(text, j) {
			first = j
			break
		}
		_, size := utf8.DecodeRuneInString(text[j:])
		from = j + size
	}
	if first < 0 {
		return nil, false
	}
	b := first
	for _, r := range term {
		out = append(out, b)
		b += utf8.RuneLen(r)
	}
	return out, true
}

func scorePositions(text string, pos []int) int {
	score := 0
	prevEnd := -1
	for k, p := range pos {
		score += scoreRune
		if wordStart(text, p) {
			score += bonusWordStart
			if k == 0 {
				score += bonusFirst
			}
		}
		if prevEnd >= 0 {
			if gap := p - prevEnd; gap == 0 {
				score += bonusAdjacent
			} else {
				score -= penaltyGapOpen + penaltyGapExtra*(gap-1)
			}
		}
		_, size := utf8.DecodeRuneInString(text[p:])
		prevEnd = p + size
	}
	return score
}

// wordStart reports whether the rune at byte offset p starts a word.
func wordStart(text string, p int) bool {
	if p == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:p])
	return !unicode.IsLetter(prev) && !unicode.IsDigit(prev)
}

func indexRune(s string, r rune) int {
	if r < utf8.RuneSelf {
		return strings.IndexByte(s, byte(r))
	}
	return strings.IndexRune(s, r)
}

// lower lower-cases s rune by rune, so rune positions are kept.
func lower(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
