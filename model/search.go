package model

import (
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Index is a catalog prepared for fuzzy search: the searchable text of each
// project, lower-cased once, and the letters each field holds.
type Index struct {
	entries []entry
	// facets holds what facets look at, apart from entries: a search
	// without facets scans less memory.
	facets []facetEntry
	// areas are the distinct area names, lower-cased: a search matches each
	// once, not once for every project in it.
	areas     []string
	areaMasks []uint64
}

// entry holds one project's searchable fields, lower-cased rune by rune so
// that rune positions in them are rune positions in the original text, and
// a mask of the runes in each: a term with a rune missing from a field's
// mask cannot match it, which rejects most fields with one AND.
type entry struct {
	// text holds the name, the goal and the other fields (maturity and
	// link labels, one per line), one after another.
	text                          string
	goalAt, otherAt               uint32
	area                          int32 // index in Index.areas
	nameMask, goalMask, otherMask uint64
	// The runes that start a word of each field, for one-letter terms:
	// in the name, after anything but a letter or a digit (as matchTerm
	// sees word starts); in the others, after white space (as matchInWord
	// sees words).
	nameStarts, goalStarts, otherStarts uint64
}

func (e *entry) name() string  { return e.text[:e.goalAt] }
func (e *entry) goal() string  { return e.text[e.goalAt:e.otherAt] }
func (e *entry) other() string { return e.text[e.otherAt:] }

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

// NewIndex prepares projects for Search. A large catalog's entries are
// prepared on every core.
func NewIndex(projects []Project) *Index {
	ix := &Index{entries: make([]entry, len(projects)), facets: make([]facetEntry, len(projects))}
	areaIndex := map[string]int{}
	for i := range projects {
		a, ok := areaIndex[projects[i].Area]
		if !ok {
			a = len(ix.areas)
			areaIndex[projects[i].Area] = a
			ix.areas = append(ix.areas, lower(projects[i].Area))
			all, _ := masks(ix.areas[a], true)
			ix.areaMasks = append(ix.areaMasks, all)
		}
		ix.entries[i].area = int32(a)
	}
	workers := 1
	if len(projects) >= parallelMin {
		workers = runtime.GOMAXPROCS(0)
	}
	part := (len(projects) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := textBlock{ix: ix, first: w * part, lowered: map[string]string{}}
			for i := w * part; i < min((w+1)*part, len(projects)); i++ {
				b.add(i, &projects[i])
			}
			b.flush()
		}()
	}
	wg.Wait()
	return ix
}

// blockSize is about how many bytes of text a textBlock gathers.
const blockSize = 64 << 10

// textBlock lays out the lower-cased text of consecutive entries in blocks,
// each one string: a search reads the text of its candidates in order, and
// the heap holds one object for many projects, not three for each.
type textBlock struct {
	ix     *Index
	buf    []byte
	starts []int // where each entry's text starts in buf
	first  int   // the entry whose text starts buf
	// lowered interns facet values, few and repeated.
	lowered map[string]string
}

// add writes entry i's text, its area already set, from project p; its
// facets are made at once.
func (b *textBlock) add(i int, p *Project) {
	if len(b.buf) >= blockSize {
		b.flush()
		b.first = i
	}
	start := len(b.buf)
	b.starts = append(b.starts, start)
	e := &b.ix.entries[i]
	b.buf = appendLower(b.buf, p.Name)
	e.goalAt = uint32(len(b.buf) - start)
	for _, s := range p.Goal {
		b.buf = appendLower(b.buf, s.Text)
	}
	e.otherAt = uint32(len(b.buf) - start)
	b.buf = appendLower(b.buf, p.Maturity.Text)
	for _, l := range p.Links {
		b.buf = append(b.buf, '\n')
		b.buf = appendLower(b.buf, l.Label)
	}
	b.ix.facets[i] = b.facetEntry(p)
}

// flush makes the gathered text one string, hands it out to its entries
// and works out their masks.
func (b *textBlock) flush() {
	text := string(b.buf)
	for k, start := range b.starts {
		end := len(text)
		if k+1 < len(b.starts) {
			end = b.starts[k+1]
		}
		e := &b.ix.entries[b.first+k]
		e.text = text[start:end]
		e.nameMask, e.nameStarts = masks(e.name(), false)
		e.goalMask, e.goalStarts = masks(e.goal(), true)
		e.otherMask, e.otherStarts = masks(e.other(), true)
	}
	b.buf, b.starts = b.buf[:0], b.starts[:0]
}

// appendLower appends s lower-cased rune by rune, so rune positions are
// kept, as lower does.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
			return b
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// runeBit maps a lower-case rune to one of 64 bits: a letter or a digit
// to its own, other runes to shared ones.
func runeBit(r rune) uint64 {
	switch {
	case 'a' <= r && r <= 'z':
		return 1 << (r - 'a')
	case '0' <= r && r <= '9':
		return 1 << (26 + r - '0')
	case r < utf8.RuneSelf:
		return 1 << (36 + r%16)
	}
	return 1 << (52 + r%12)
}

// masks returns the mask of the runes of s and the mask of those that
// start a word: the first, and those after a rune that ends one. A word
// ends at white space when spaced is set, else at anything but a letter or
// a digit.
func masks(s string, spaced bool) (all, starts uint64) {
	atStart := true
	for _, r := range s {
		bit := runeBit(r)
		all |= bit
		if atStart {
			starts |= bit
		}
		if spaced {
			atStart = isSpaceRune(r)
		} else if r < utf8.RuneSelf {
			atStart = !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z')
		} else {
			atStart = !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
	}
	return all, starts
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }

// oneLetterScore is what a one-letter term scores in a field: one letter,
// and the word-start bonus when a word of the field starts with it.
func oneLetterScore(starts bool) int {
	if starts {
		return scoreRune + bonusWordStart + bonusFirst
	}
	return scoreRune
}

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

// Search returns the projects matching every term of query, best first;
// equal scores keep catalog order. An empty query matches everything in
// catalog order. only, when not nil, restricts the search to those
// projects, which must be in catalog order.
func (ix *Index) Search(query string, only []int) []Match {
	var s Searcher
	s.ix = ix
	ms, _ := s.search(parseQuery(query), only, nil, nil)
	return append([]Match(nil), ms...)
}

// Searcher searches as a user types. When a query only extends the one
// before (more letters, more words), its matches are among the ones before,
// so only those are searched; and its buffers are reused, so a keystroke
// allocates next to nothing. It is not safe for concurrent use.
type Searcher struct {
	ix        *Index
	last      string
	lastValid bool
	found     []Match // the last matches, in catalog order
	candidate []int   // the projects to search next time
	levels    []uint8 // with candidate: the highest field each can match
	ranked    []Match // the last result, best first
	scratch   []Match
	counts    []int
}

// NewSearcher returns a Searcher over the index.
func (ix *Index) NewSearcher() *Searcher { return &Searcher{ix: ix} }

// Search returns the matches of query, best first, as Index.Search does.
// The slice is the Searcher's: it is valid until the next call.
func (s *Searcher) Search(q string) []Match {
	ms, _ := s.SearchUntil(q, nil)
	return ms
}

// SearchUntil is Search that gives up, returning false, as soon as stop
// reports true (it asks every stopEvery candidates): a newer keystroke
// supersedes a search still running.
func (s *Searcher) SearchUntil(q string, stop func() bool) ([]Match, bool) {
	var only []int
	// A longer facet value can match more (a negated one, or "state" that
	// becomes "state:"), so only fuzzy words narrow.
	narrows := !strings.Contains(q, ":")
	var levels []uint8
	if narrows && s.lastValid && strings.TrimSpace(s.last) != "" && strings.HasPrefix(q, s.last) {
		s.candidate = s.candidate[:0]
		for _, m := range s.found {
			s.candidate = append(s.candidate, m.Project)
		}
		only = s.candidate
		// One word growing ("ku", "kub"): a longer word can only match in
		// a field where the shorter one did, or in one ranked below it;
		// a single term's score says which field that was.
		if len(strings.Fields(s.last)) == 1 && len(strings.Fields(q)) == 1 {
			s.levels = s.levels[:0]
			for _, m := range s.found {
				s.levels = append(s.levels, uint8(m.Score/weightOther))
			}
			levels = s.levels
		}
	}
	ranked, ok := s.search(parseQuery(q), only, levels, stop)
	s.last, s.lastValid = q, ok
	if !ok {
		return nil, false
	}
	return ranked, true
}

// stopEvery is how many candidates a search scans between two looks at
// whether it should stop.
const stopEvery = 1024

// parallelMin is the number of candidates from which a search is split
// across the cores. Starting a worker costs microseconds; scanning 2,048
// candidates costs about 0.3 ms. At 10,000 projects, "kub" narrowed from
// "ku" scans about 6,000 candidates: split, it takes 0.72 ms instead of 1.0.
const parallelMin = 2048

// search matches q against the candidates (all when only is nil), keeps the
// matches in catalog order in s.found, and returns them ranked; or gives up
// when stop reports true.
func (s *Searcher) search(q query, only []int, levels []uint8, stop func() bool) ([]Match, bool) {
	if q.err != nil {
		s.found = s.found[:0]
		return s.found, true
	}
	s.ix.scoreAreas(&q)
	facets := s.ix.prepareFacets(q.facets)
	n := len(s.ix.entries)
	if only != nil {
		n = len(only)
	}
	if cap(s.scratch) < n {
		s.scratch = make([]Match, n)
	}
	scratch := s.scratch[:n]
	workers := 1
	if n >= parallelMin {
		workers = runtime.GOMAXPROCS(0)
	}
	found := make([]int, workers) // matches found by each worker, at the start of its part
	part := (n + workers - 1) / workers
	var stopped atomic.Bool
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*part, min((w+1)*part, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := lo
			for j := lo; j < hi; j++ {
				if stop != nil && (j-lo)%stopEvery == 0 && (stopped.Load() || stop()) {
					stopped.Store(true)
					return
				}
				i := j
				if only != nil {
					i = only[j]
				}
				if len(facets) > 0 && !facetsHold(&s.ix.facets[i], int(s.ix.entries[i].area), facets) {
					continue
				}
				level := levelName
				if levels != nil {
					level = int(levels[j])
				}
				if score, ok := s.ix.score(i, q, level); ok {
					scratch[k] = Match{Project: i, Score: score}
					k++
				}
			}
			found[w] = k - lo
		}()
	}
	wg.Wait()
	if stopped.Load() {
		return nil, false
	}
	s.found = s.found[:0]
	for w := range workers {
		s.found = append(s.found, scratch[w*part:w*part+found[w]]...)
	}
	if len(q.terms) == 0 {
		return s.found, true
	}
	s.ranked = s.rank(s.found, s.ranked[:0])
	return s.ranked, true
}

// rank sorts matches by score, best first, keeping catalog order between
// equal scores: a counting sort, since scores are small integers.
func (s *Searcher) rank(ms, out []Match) []Match {
	if len(ms) == 0 {
		return out
	}
	lo, hi := ms[0].Score, ms[0].Score
	for _, m := range ms {
		lo, hi = min(lo, m.Score), max(hi, m.Score)
	}
	if hi-lo > 4*len(ms)+4096 { // sparse scores: a comparison sort is cheaper
		out = append(out, ms...)
		slices.SortStableFunc(out, func(a, b Match) int { return b.Score - a.Score })
		return out
	}
	if cap(s.counts) < hi-lo+2 {
		s.counts = make([]int, hi-lo+2)
	}
	counts := s.counts[:hi-lo+2]
	clear(counts)
	for _, m := range ms {
		counts[hi-m.Score+1]++
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	out = slices.Grow(out, len(ms))[:len(ms)]
	for _, m := range ms {
		out[counts[hi-m.Score]] = m
		counts[hi-m.Score]++
	}
	return out
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

// NamePositions returns the rune positions in project i's name that the
// query's terms matched, for highlighting.
func (ix *Index) NamePositions(i int, query string) []int {
	name := ix.entries[i].name()
	var pos []int
	for _, t := range parseQuery(query).terms { // not the facets
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
	if len(term) == 1 && term[0] < utf8.RuneSelf {
		return matchByte(text, byte(term[0]), pos)
	}
	return matchWindow(text, term, pos)
}

// matchWindow is matchTerm's general case: the tightest window that holds
// the term as a subsequence, or its first contiguous occurrence at a word
// start, whichever scores better.
func matchWindow(text string, term []rune, pos *[]int) (int, bool) {
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
		var j int
		if r := term[k]; r < utf8.RuneSelf {
			j = strings.LastIndexByte(text[:at], byte(r))
		} else {
			j = strings.LastIndex(text[:at], string(r))
		}
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

// matchByte is matchTerm for a one-letter ASCII term, the first keystroke
// of most filters, without the search for a best window: the score is one
// letter's, with the word-start bonus when an occurrence starts a word. It
// reports the position matchWindow would: the first occurrence, or the
// first that starts a word.
func matchByte(text string, c byte, pos *[]int) (int, bool) {
	first := strings.IndexByte(text, c)
	if first < 0 {
		return 0, false
	}
	at := first
	for j := first; !wordStart(text, j); {
		next := strings.IndexByte(text[j+1:], c)
		if next < 0 {
			break
		}
		j += 1 + next
		if wordStart(text, j) {
			at = j
		}
	}
	score := scoreRune
	if wordStart(text, at) {
		score += bonusWordStart + bonusFirst
	}
	if pos != nil {
		*pos = append((*pos)[:0], at)
	}
	return score, true
}

// matchInWord matches term within one word of text (words are separated by
// white space) and returns the score of the first word that holds it.
func matchInWord(text string, term []rune) (int, bool) {
	if len(term) == 0 {
		return 0, true
	}
	for _, r := range term {
		if r >= utf8.RuneSelf {
			return matchInWordRunes(text, term)
		}
	}
	// ASCII: jump from one occurrence of the first letter to the next, and
	// look for the rest of the term in that word.
	first := byte(term[0])
	for from := 0; from < len(text); {
		p := strings.IndexByte(text[from:], first)
		if p < 0 {
			return 0, false
		}
		p += from
		k, i := 1, p+1
		for ; i < len(text) && k < len(term) && !isSpace(text[i]); i++ {
			if text[i] == byte(term[k]) {
				k++
			}
		}
		if k == len(term) {
			start, end := p, i
			for start > 0 && !isSpace(text[start-1]) {
				start--
			}
			for end < len(text) && !isSpace(text[end]) {
				end++
			}
			return wordScore(text[start:end], term), true
		}
		// A later occurrence in the same word cannot do better than this
		// one did: go on from the word's end.
		from = i
	}
	return 0, false
}

// wordScore scores an ASCII term found within a word, with bounded work:
// a term the word starts with scores as matchTerm scores it, any other one
// letter's score a letter. Goal and other-field matches rank below every
// name match anyway; the best window would cost most of a search.
func wordScore(word string, term []rune) int {
	score := scoreRune * len(term)
	if len(word) >= len(term) {
		prefix := true
		for k, r := range term {
			if word[k] != byte(r) {
				prefix = false
				break
			}
		}
		if prefix {
			score += bonusWordStart + bonusFirst + bonusAdjacent*(len(term)-1)
		}
	}
	return min(score, maxTermScore)
}

// matchInWordRunes is matchInWord for a term with non-ASCII runes: a greedy
// subsequence scan that starts again at each word.
func matchInWordRunes(text string, term []rune) (int, bool) {
	start, k := 0, 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r < utf8.RuneSelf && isSpace(byte(r)):
			start, k = i+size, 0
		case r == term[k]:
			k++
			if k == len(term) {
				end := i + size
				for end < len(text) && !isSpace(text[end]) {
					end++
				}
				return matchTerm(text[start:end], term, nil)
			}
		}
		i += size
	}
	return 0, false
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' }

// contiguous finds term as a substring, preferring an occurrence at a word
// start, and returns the byte offsets of its runes.
func contiguous(text string, term []rune, out []int) ([]int, bool) {
	var buf [64]byte
	needle := appendRunes(buf[:0], term)
	first := -1
	for from := 0; from <= len(text); {
		j := strings.Index(text[from:], string(needle)) // no copy: the compiler sees it does not escape
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

// appendRunes appends the UTF-8 encoding of runes to b.
func appendRunes(b []byte, runes []rune) []byte {
	for _, r := range runes {
		b = utf8.AppendRune(b, r)
	}
	return b
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

// lower lower-cases s rune by rune, so rune positions are kept. ASCII
// that is already lower-case comes back without a copy.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return string(appendLower(make([]byte, 0, len(s)), s))
		}
	}
	return strings.ToLower(s)
}

func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' }
