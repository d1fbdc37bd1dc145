package model

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
