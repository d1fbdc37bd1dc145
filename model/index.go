package model

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/upstream-tui/upstream-tui/model/parallel"
)

// Index is a catalog prepared for fuzzy search: the searchable text of each
// project, lower-cased once, and the letters each field holds.
type Index struct {
	entries []entry
	// facets holds what facets look at, apart from entries: a search
	// without facets scans less memory.
	facets []facetEntry
	// areas are the distinct places projects are listed in, each the
	// names of one project's places lower-cased (its area, sub-area and
	// other places; one name in a catalog without sub-areas), and the
	// mask of their runes: a search matches each once, not once for
	// every project in it.
	areas     [][]string
	areaMasks []uint64
	// health answers the is: facets; nil until WithHealth gives one.
	health *HealthView
}

// entry holds one project's searchable fields, lower-cased rune by rune so
// that rune positions in them are rune positions in the original text, and
// a mask of the runes in each: a term with a rune missing from a field's
// mask cannot match it, which rejects most fields with one AND.
type entry struct {
	// text holds the name, the goal and the other fields (maturity and
	// link labels, one per line), one after another.
	text            string
	goalAt, otherAt uint32
	area            int32 // index in Index.areas: the project's places
	// kinds holds the kinds of the project's links, as kindBit does:
	// their names are searched too ("slack"), matched once per search.
	kinds                         uint16
	nameMask, goalMask, otherMask uint64
	// The runes that start a word of each field, for one-letter terms:
	// after anything but a letter or a digit, as wordStart sees them.
	nameStarts, goalStarts, otherStarts uint64
}

func (e *entry) name() string  { return e.text[:e.goalAt] }
func (e *entry) goal() string  { return e.text[e.goalAt:e.otherAt] }
func (e *entry) other() string { return e.text[e.otherAt:] }

// NewIndex prepares projects for Search. A large catalog's entries are
// prepared on every core. A panic on one of those cores is raised again on
// the caller's goroutine, as a *parallel.PanicError, where a caller in
// Bubble Tea's Update or a command has it recovered and the terminal
// restored, as for any panic of its own.
func NewIndex(projects []Project) *Index {
	ix := &Index{entries: make([]entry, len(projects)), facets: make([]facetEntry, len(projects))}
	areaIndex := map[string]int{}
	for i := range projects {
		key := placesKey(&projects[i])
		a, ok := areaIndex[key]
		if !ok {
			a = len(ix.areas)
			areaIndex[key] = a
			names := placeNames(&projects[i])
			var all uint64
			for _, n := range names {
				m, _ := masks(n)
				all |= m
			}
			ix.areas = append(ix.areas, names)
			ix.areaMasks = append(ix.areaMasks, all)
		}
		ix.entries[i].area = int32(a)
	}
	count, size := parallel.Parts(len(projects), parallelMin)
	err := parallel.Do(count, func(p int) {
		lo, hi := p*size, min((p+1)*size, len(projects))
		b := textBlock{ix: ix, first: lo, lowered: map[string]string{}}
		for i := lo; i < hi; i++ {
			b.add(i, &projects[i])
		}
		b.flush()
	})
	if err != nil {
		panic(err)
	}
	return ix
}

// placesKey identifies the places a project is listed in: its area alone
// for most catalogs, so that the map of them costs no allocation.
func placesKey(p *Project) string {
	if p.SubArea == "" && len(p.OtherPlaces) == 0 {
		return p.Area
	}
	return strings.Join(placeNames(p), "\x00")
}

// placeNames are the distinct names of a project's places, lower-cased:
// area, sub-area, then those of its other places.
func placeNames(p *Project) []string {
	names := []string{lower(p.Area)}
	add := func(n string) {
		if n = lower(n); n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	add(p.SubArea)
	for _, pl := range p.OtherPlaces {
		add(pl.Area)
		add(pl.SubArea)
	}
	return names
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
	e.kinds = uint16(b.ix.facets[i].kinds)
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
		e.nameMask, e.nameStarts = masks(e.name())
		e.goalMask, e.goalStarts = masks(e.goal())
		e.otherMask, e.otherStarts = masks(e.other())
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
// start a word: the first, and those after anything but a letter or a
// digit.
func masks(s string) (all, starts uint64) {
	atStart := true
	for _, r := range s {
		bit := runeBit(r)
		all |= bit
		if atStart {
			starts |= bit
		}
		if r < utf8.RuneSelf {
			atStart = !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z')
		} else {
			atStart = !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
	}
	return all, starts
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
