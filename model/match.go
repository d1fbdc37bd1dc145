package model

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Positions returns the rune positions the query's terms matched in
// project i's name and in its goal, for highlighting: in the name, those
// of the terms that match it; in the goal, those of the others that match
// it, where the search found them.
func (ix *Index) Positions(i int, query string) (name, goal []int) {
	e := &ix.entries[i]
	var namePos, goalPos, at []int
	for _, t := range parseQuery(query).terms { // not the facets
		if _, ok := matchName(e.name(), &t, &at); ok {
			namePos = append(namePos, at...)
		} else if _, ok := matchField(e.goal(), &t, &at); ok {
			goalPos = append(goalPos, at...)
		}
	}
	return runePositions(e.name(), namePos), runePositions(e.goal(), goalPos)
}

// runePositions turns byte offsets in text into rune positions, sorted,
// each once; nil for none.
func runePositions(text string, pos []int) []int {
	if len(pos) == 0 {
		return nil
	}
	sort.Ints(pos)
	runes := make([]int, 0, len(pos))
	r, k := 0, 0
	for b := range text {
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

// Scores for the matchers: each matched rune scores, more at a word start
// and right after the previous match; gaps cost, and so does a typo.
const (
	scoreRune       = 16
	bonusWordStart  = 10
	bonusFirst      = 4
	bonusAdjacent   = 8
	penaltyGapOpen  = 3
	penaltyGapExtra = 1
	penaltyTypo     = scoreRune
)

// typoMin is the length, in runes, from which a term also matches with a
// typo: two adjacent runes swapped ("gaetkeeper", "vritual"). Shorter
// terms would find too much that way ("ku" in "uk").
const typoMin = 4

// matchName matches a term in a name (lower-case): as a subsequence of the
// whole name ("gtkpr" in "opa gatekeeper"), or else, for a term of typoMin
// runes or more, with two adjacent runes swapped, all in one run. When pos
// is not nil it receives the byte offsets of the matched runes.
func matchName(text string, t *term, pos *[]int) (int, bool) {
	if s, ok := matchTerm(text, t, pos); ok {
		return s, true
	}
	if t.swaps == nil {
		return 0, false
	}
	// Not a subsequence, so not there as typed either: matchFound finds
	// a swap or nothing (its last rune late is a subsequence).
	return matchFound(text, t, false, pos)
}

// matchField matches a term in a field other than the name (lower-case):
// as it is typed, preferably at a word start; or else, for a term of
// typoMin runes or more, with a typo (findTypo). The letters of a term spread
// over a goal, a mail address or a word would match nearly anything
// ("keda" in "kubernetes-provider-azure@googlegroups.com", "gate" in
// "graduated"). When pos is not nil it receives the byte offsets of the
// matched runes.
func matchField(text string, t *term, pos *[]int) (int, bool) {
	if len(t.runes) == 1 && t.runes[0] < utf8.RuneSelf {
		return matchByte(text, byte(t.runes[0]), pos)
	}
	return matchFound(text, t, true, pos)
}

// matchFound matches a term in text as typed, at a word start if it is at
// one, else where it first is; or else, for a term of typoMin runes or
// more, with a typo (findTypo), for penaltyTypo less than the letters
// found score.
func matchFound(text string, t *term, late bool, pos *[]int) (int, bool) {
	if at := indexWord(text, t.text); at >= 0 {
		if pos != nil {
			*pos = appendOffsets((*pos)[:0], t.text, at)
		}
		return t.score(wordStart(text, at)), true
	}
	if t.swaps == nil {
		return 0, false
	}
	var buf [32]int
	at, ok := findTypo(text, t, late, buf[:0])
	if !ok {
		return 0, false
	}
	if pos != nil {
		*pos = append((*pos)[:0], at...)
	}
	return clampScore(scorePositions(text, at) - penaltyTypo), true
}

// indexWord returns the byte offset of s in text, preferring an
// occurrence at a word start; -1 when text does not hold s.
func indexWord(text, s string) int {
	first := -1
	for from := 0; from <= len(text); {
		j := strings.Index(text[from:], s)
		if j < 0 {
			break
		}
		j += from
		if first < 0 {
			first = j
		}
		if wordStart(text, j) {
			return j
		}
		_, size := utf8.DecodeRuneInString(text[j:])
		from = j + size
	}
	return first
}

// findTypo finds a term of typoMin runes or more with a typo: two adjacent
// runes swapped; and, when late is set, its last rune one place late
// ("kubelt" in "kubelet"). That second typo keeps the matches of a word
// among those of the word it grew from, as a Searcher needs: "kubelte" (a
// swap) finds "kubelet", so "kubelt" must. It goes once over the places
// where the term's first rune stands, where every typo has it, comparing
// the rest: after it for the others, before it for the first two runes
// swapped. It returns the byte offsets of the runes of the first it finds.
func findTypo(text string, t *term, late bool, out []int) ([]int, bool) {
	n := len(t.runes)
	first, second := t.text[:t.at[1]], t.text[t.at[1]:t.at[2]]
	for from := 0; from < len(text); {
		k := strings.Index(text[from:], first)
		if k < 0 {
			break
		}
		p := from + k
		rest := text[p:]
		// The first two runes swapped: the second, then the first here.
		if p >= len(second) && text[p-len(second):p] == second && strings.HasPrefix(rest[len(first):], t.text[t.at[2]:]) {
			return appendOffsets(out, t.swaps[0], p-len(second)), true
		}
		// Any other typo: only one at the rune where the text parts from
		// the term can hold, as the runes before it are as typed.
		m := commonPrefix(rest, t.text)
		j := t.runeAt(m)
		if j+1 < n && strings.HasPrefix(rest, t.swaps[j]) {
			return appendOffsets(out, t.swaps[j], p), true
		}
		if late && j == n-1 {
			// One rune, not a space (a term holds none), then the last.
			r, size := utf8.DecodeRuneInString(rest[m:])
			if size > 0 && !unicode.IsSpace(r) && strings.HasPrefix(rest[m+size:], t.text[m:]) {
				return append(appendOffsets(out, t.text[:m], p), p+m+size), true
			}
		}
		from = p + len(first)
	}
	return out, false
}

// commonPrefix returns the length in bytes of the longest common prefix of
// a and b.
func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// appendOffsets appends the byte offsets of the runes of s, found at byte
// at of a text.
func appendOffsets(out []int, s string, at int) []int {
	for i := range s {
		out = append(out, at+i)
	}
	return out
}

// clampScore keeps a term's score within what a field's weight allows.
func clampScore(s int) int {
	return min(max(s, 0), maxTermScore)
}

// matchTerm matches a term against text (lower-case) as a subsequence and
// scores the best of two alignments: the tightest window found by a
// forward then a backward scan, and the first contiguous occurrence at a
// word start (or else the first contiguous one). When pos is not nil it
// receives the byte offsets of the matched runes.
func matchTerm(text string, t *term, pos *[]int) (int, bool) {
	if len(t.runes) == 0 {
		return 0, true
	}
	if len(t.runes) == 1 && t.runes[0] < utf8.RuneSelf {
		return matchByte(text, byte(t.runes[0]), pos)
	}
	return matchWindow(text, t, pos)
}

// matchWindow is matchTerm's general case: the tightest window that holds
// the term as a subsequence, or its first contiguous occurrence at a word
// start, whichever scores better.
func matchWindow(text string, t *term, pos *[]int) (int, bool) {
	term := t.runes
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
	if s, ok := contiguous(text, t, cbuf[:0]); ok {
		if cs := scorePositions(text, s); cs > best {
			best, bestPos = cs, s
		}
	}
	if pos != nil {
		*pos = append((*pos)[:0], bestPos...)
	}
	return clampScore(best), true
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

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' }

// contiguous finds a term as a substring, preferring an occurrence at a
// word start, and returns the byte offsets of its runes.
func contiguous(text string, t *term, out []int) ([]int, bool) {
	at := indexWord(text, t.text)
	if at < 0 {
		return nil, false
	}
	return appendOffsets(out, t.text, at), true
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
