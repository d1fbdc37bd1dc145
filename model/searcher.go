package model

import (
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/upstream-tui/upstream-tui/model/parallel"
)

// Search returns the projects matching every term of query, best first;
// equal scores keep catalog order. An empty query matches everything in
// catalog order. only, when not nil, restricts the search to those
// projects, which must be in catalog order. A large search runs on every
// core; a panic on one is raised again on the caller's goroutine, as a
// *parallel.PanicError, where a caller in Bubble Tea's Update or a command
// has it recovered and the terminal restored.
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
	tops      []Field // with candidate: the highest field each can match
	ranked    []Match // the last result, best first
	scratch   []Match
	counts    []int
}

// NewSearcher returns a Searcher over the index.
func (ix *Index) NewSearcher() *Searcher { return &Searcher{ix: ix} }

// Search returns the matches of query, best first, as Index.Search does,
// panics included. The slice is the Searcher's: it is valid until the next
// call.
func (s *Searcher) Search(q string) []Match {
	ms, _ := s.SearchUntil(q, nil)
	return ms
}

// SearchUntil is Search that gives up, returning false, as soon as stop
// reports true (it asks every stopEvery candidates): a newer keystroke
// supersedes a search still running. stop is called on the search's
// cores, perhaps on several at once; a panic in it reaches the caller as
// one in the search does, a *parallel.PanicError.
func (s *Searcher) SearchUntil(q string, stop func() bool) ([]Match, bool) {
	var only []int
	// A longer facet value can match more (a negated one, or "state" that
	// becomes "state:"), so only fuzzy words narrow; and not a word that
	// grows to typoMin runes either: from there it matches with a typo too.
	narrows := !strings.Contains(q, ":")
	var tops []Field
	if narrows && s.lastValid && strings.TrimSpace(s.last) != "" && strings.HasPrefix(q, s.last) && !reachesTypoMin(s.last, q) {
		s.candidate = s.candidate[:0]
		for _, m := range s.found {
			s.candidate = append(s.candidate, m.Project)
		}
		only = s.candidate
		// One word growing ("ku", "kub"): a longer word can only match in
		// a field where the shorter one did, or in one ranked below it.
		if len(strings.Fields(s.last)) == 1 && len(strings.Fields(q)) == 1 {
			s.tops = s.tops[:0]
			for _, m := range s.found {
				s.tops = append(s.tops, m.Field)
			}
			tops = s.tops
		}
	}
	ranked, ok := s.search(parseQuery(q), only, tops, stop)
	s.last, s.lastValid = q, ok
	if !ok {
		return nil, false
	}
	return ranked, true
}

// lastWordRunes is the number of runes of the last word of q, 0 when q
// ends in white space.
func lastWordRunes(q string) int {
	n := 0
	for i := len(q); i > 0; {
		r, size := utf8.DecodeLastRuneInString(q[:i])
		if unicode.IsSpace(r) { // as strings.Fields splits words into terms
			break
		}
		n++
		i -= size
	}
	return n
}

// reachesTypoMin reports whether q, which extends last, grows last's last
// word from fewer than typoMin runes to typoMin or more.
func reachesTypoMin(last, q string) bool {
	before := lastWordRunes(last)
	if before == 0 || before >= typoMin {
		return false
	}
	grown := q[len(last):]
	if end := strings.IndexFunc(grown, unicode.IsSpace); end >= 0 {
		grown = grown[:end]
	}
	return before+utf8.RuneCountInString(grown) >= typoMin
}

// stopEvery is how many candidates a search scans between two looks at
// whether it should stop.
const stopEvery = 1024

// parallelMin is the number of candidates from which a search is split
// across the cores. Starting a worker costs microseconds; scanning 2,048
// candidates costs about 0.3 ms. At 10,000 projects, "kub" narrowed from
// "ku" scans about 6,000 candidates: split, it takes 0.72 ms instead of 1.0.
// A variable only so that tests can split small catalogs.
var parallelMin = 2048

// search matches q against the candidates (all when only is nil), keeps the
// matches in catalog order in s.found, and returns them ranked; or gives up
// when stop reports true. tops, when not nil, holds with only the highest
// field each candidate can match in.
func (s *Searcher) search(q query, only []int, tops []Field, stop func() bool) ([]Match, bool) {
	if q.err != nil {
		s.found = s.found[:0]
		return s.found, true
	}
	s.ix.scoreAreas(&q)
	q.scoreKinds()
	facets := s.ix.prepareFacets(q.facets)
	n := len(s.ix.entries)
	if only != nil {
		n = len(only)
	}
	if cap(s.scratch) < n {
		s.scratch = make([]Match, n)
	}
	scratch := s.scratch[:n]
	count, size := parallel.Parts(n, parallelMin)
	found := make([]int, count) // matches found in each part, at its start
	var stopped atomic.Bool
	err := parallel.Do(count, func(p int) {
		lo, hi := p*size, min((p+1)*size, n)
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
			if len(facets) > 0 && !s.ix.facetsHold(i, facets) {
				continue
			}
			top := FieldName
			if tops != nil {
				top = tops[j]
			}
			if score, field, ok := s.ix.score(i, q, top); ok {
				scratch[k] = Match{Project: i, Score: score, Field: field}
				k++
			}
		}
		found[p] = k - lo
	})
	if err != nil {
		panic(err)
	}
	if stopped.Load() {
		return nil, false
	}
	s.found = s.found[:0]
	for p := range count {
		s.found = append(s.found, scratch[p*size:p*size+found[p]]...)
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
