package model

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/upstream-tui/upstream-tui/model/inert"
)

// FacetKeys are the keys of the key:value words a query may hold.
var FacetKeys = []string{"area", "org", "state", "has", "is"}

// FacetKinds are the link kinds has: knows, in the order help gives them.
var FacetKinds = []Kind{KindSlack, KindIssues, KindMailingList, KindDocs, KindReleases, KindTests, KindForum, KindBoard, KindRepository, KindHome}

// Facet is a key:value word of a query; it narrows the results to the
// projects it holds for, or with Negate ("-has:slack") to the others.
type Facet struct {
	Key, Value string
	Negate     bool
}

// String writes the facet as it is typed.
func (f Facet) String() string {
	v := f.Value
	if strings.ContainsAny(v, " \t") {
		v = `"` + v + `"`
	}
	s := f.Key + ":" + v
	if f.Negate {
		s = "-" + s
	}
	return s
}

// MaxQueryRunes is the longest query searched, in runes: longer ones
// (the app's filter takes no more; a query on the command line is refused)
// only make every search slow, for no project matches them.
const MaxQueryRunes = 256

// QueryError is a query word that cannot be used, or (Word empty) a query.
type QueryError struct {
	Word string
	Msg  string
}

// Error echoes the word as typed when it shows as itself (colour:red:
// unknown filter), else quoted, escaped and cut (inert.Quote): a query
// comes from outside, and its error reaches a terminal.
func (e *QueryError) Error() string {
	if e.Word == "" {
		return e.Msg
	}
	word := inert.Quote(e.Word)
	if word == `"`+e.Word+`"` {
		word = e.Word
	}
	return fmt.Sprintf("%s: %s", word, e.Msg)
}

// ParseQuery splits a query into its fuzzy words and its facets. A word
// key:value whose key is letters only is a facet, negated by a leading
// "-"; the value may be quoted (area:"container runtime"). A facet with no
// value yet narrows nothing, so that a query can be typed letter by letter.
// An unknown key, or a has: value that is no link kind, is an error that
// names the words known.
func ParseQuery(q string) (words []string, facets []Facet, err error) {
	if n := utf8.RuneCountInString(q); n > MaxQueryRunes {
		return nil, nil, &QueryError{Msg: fmt.Sprintf("query too long: %d characters; at most %d", n, MaxQueryRunes)}
	}
	for _, tok := range tokens(q) {
		body, negate := strings.CutPrefix(tok, "-")
		key, value, ok := strings.Cut(body, ":")
		if !ok || !isKey(key) {
			words = append(words, tok)
			continue
		}
		key = strings.ToLower(key)
		f := Facet{Key: key, Value: strings.ToLower(strings.Trim(value, `"`)), Negate: negate}
		switch key {
		case "area", "org", "state":
		case "has":
			if f.Value != "" && kindsWithPrefix(f.Value) == 0 {
				return nil, nil, &QueryError{Word: tok, Msg: "no such link kind; has: takes " + kindList()}
			}
		case "is":
			if f.Value != "" && healthBitsWithPrefix(f.Value) == 0 {
				return nil, nil, &QueryError{Word: tok, Msg: "no such health word; is: takes " + strings.Join(HealthWords, ", ")}
			}
		default:
			return nil, nil, &QueryError{Word: tok, Msg: "unknown filter; use area:, org:, state:, has: or is: (-has:slack leaves out)"}
		}
		facets = append(facets, f)
	}
	return words, facets, nil
}

// CheckQuery reports what is wrong with a query, or nil.
func CheckQuery(q string) error {
	_, _, err := ParseQuery(q)
	return err
}

// CheckWholeQuery is CheckQuery for a query given whole, on the command
// line: it also refuses a double quote left open (area:"container), which
// CheckQuery lets pass while a query is typed in the app.
func CheckWholeQuery(q string) error {
	if err := CheckQuery(q); err != nil {
		return err
	}
	if strings.Count(q, `"`)%2 == 1 {
		return &QueryError{Msg: `unclosed quote in the query: a quoted value ends with " too (area:"container runtime")`}
	}
	return nil
}

// tokens splits a query at white space outside double quotes.
func tokens(q string) []string {
	var out []string
	for i := 0; i < len(q); {
		for i < len(q) && isSpace(q[i]) {
			i++
		}
		start, quoted := i, false
		for i < len(q) && (quoted || !isSpace(q[i])) {
			if q[i] == '"' {
				quoted = !quoted
			}
			i++
		}
		if i > start {
			out = append(out, q[start:i])
		}
	}
	return out
}

func isKey(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// kindsWithPrefix returns the bits of the link kinds has: value names: the
// kinds starting with it ("mail" is mailing-list).
func kindsWithPrefix(value string) uint32 {
	var bits uint32
	for i, k := range FacetKinds {
		if strings.HasPrefix(k.String(), value) {
			bits |= 1 << i
		}
	}
	return bits
}

func kindBit(k Kind) uint32 {
	for i, fk := range FacetKinds {
		if fk == k {
			return 1 << i
		}
	}
	return 0
}

func kindList() string {
	names := make([]string, len(FacetKinds))
	for i, k := range FacetKinds {
		names[i] = k.String()
	}
	return strings.Join(names, ", ")
}

// facetEntry is what facets look at in a project: its maturity, lower
// case, and the kinds of its links.
type facetEntry struct {
	org, state, api string
	kinds           uint32
}

// facetEntry makes project p's facetEntry, with its values lower-cased
// once for all projects.
func (b *textBlock) facetEntry(p *Project) facetEntry {
	f := facetEntry{org: b.lower(p.Maturity.Org), state: p.Maturity.State, api: b.lower(p.Maturity.API)}
	for _, l := range p.Links {
		f.kinds |= kindBit(l.Kind)
	}
	return f
}

// lower returns s lower-cased, making each distinct value once.
func (b *textBlock) lower(s string) string {
	l, ok := b.lowered[s]
	if !ok {
		l = lower(s)
		b.lowered[s] = l
	}
	return l
}

// facetTest is a facet prepared for one search.
type facetTest struct {
	Facet
	kinds  uint32 // has: the link kinds named
	health uint8  // is: the health bits named
	areaOK []bool // area: whether each of the index's places matches, by any of its names
}

// prepareFacets works out once per search what each facet needs.
func (ix *Index) prepareFacets(fs []Facet) []facetTest {
	out := make([]facetTest, 0, len(fs))
	for _, f := range fs {
		if f.Value == "" {
			continue // still being typed
		}
		t := facetTest{Facet: f}
		switch f.Key {
		case "has":
			t.kinds = kindsWithPrefix(f.Value)
		case "is":
			t.health = healthBitsWithPrefix(f.Value)
		case "area":
			want := []rune(strings.ReplaceAll(f.Value, " ", ""))
			t.areaOK = make([]bool, len(ix.areas))
			for a, names := range ix.areas {
				t.areaOK[a] = slices.ContainsFunc(names, func(n string) bool { return subsequence(n, want) })
			}
		}
		out = append(out, t)
	}
	return out
}

// facetsHold reports whether every facet holds for project p.
func (ix *Index) facetsHold(p int, fs []facetTest) bool {
	e, area := &ix.facets[p], int(ix.entries[p].area)
	for i := range fs {
		f := &fs[i]
		var ok bool
		switch f.Key {
		case "area":
			ok = f.areaOK[area]
		case "org":
			ok = strings.HasPrefix(e.org, f.Value)
		case "state":
			ok = strings.HasPrefix(e.state, f.Value) || e.api != "" && strings.HasPrefix(e.api, f.Value)
		case "has":
			ok = e.kinds&f.kinds != 0
		case "is":
			ok = ix.health.bitsOf(p)&f.health != 0
		}
		if ok == f.Negate {
			return false
		}
	}
	return true
}

// subsequence reports whether the runes of want appear in s in order.
func subsequence(s string, want []rune) bool {
	i := 0
	for _, r := range s {
		if i < len(want) && r == want[i] {
			i++
		}
	}
	return i == len(want)
}

// CountFacets counts the projects each facet holds for, in one pass over
// the index. Facets without a value count every project.
func (ix *Index) CountFacets(fs []Facet) []int { return ix.CountFacetsIn(fs, nil) }

// CountFacetsIn counts, among projects (by index; every project when nil),
// those each facet holds for: what adding it to a filter would leave.
// Facets without a value count them all.
func (ix *Index) CountFacetsIn(fs []Facet, projects []int) []int {
	all := len(ix.entries)
	if projects != nil {
		all = len(projects)
	}
	counts := make([]int, len(fs))
	tests := make([]facetTest, len(fs))
	for k, f := range fs {
		if f.Value == "" {
			counts[k] = all
			continue
		}
		tests[k] = ix.prepareFacets([]Facet{f})[0]
	}
	count := func(i int) {
		for k := range tests {
			if fs[k].Value != "" && ix.facetsHold(i, tests[k:k+1]) {
				counts[k]++
			}
		}
	}
	if projects == nil {
		for i := range ix.facets {
			count(i)
		}
	}
	for _, i := range projects {
		count(i)
	}
	return counts
}

// FacetValues returns the values the catalog's projects have for the
// maturity facet key, "state" (states and API versions) or "org", as a
// facet offers them (FacetWord: "K8s API" is k8s), distinct and sorted;
// nil for another key. Each distinct value is looked at once.
func FacetValues(cat *Catalog, key string) []string {
	var values func(m Maturity) []string
	switch key {
	case "state":
		values = func(m Maturity) []string { return []string{m.State, m.API} }
	case "org":
		values = func(m Maturity) []string { return []string{m.Org} }
	default:
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for i := range cat.Projects {
		for _, v := range values(cat.Projects[i].Maturity) {
			if v == "" || seen[v] {
				continue
			}
			seen[v] = true
			if w := FacetWord(v); w != "" && !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	slices.Sort(out)
	return out
}

// FacetWord is the value a facet offers for a maturity value: lower case,
// its first word, as a prefix will do ("K8s API" is org:k8s); "" when it
// cannot be typed (a quote).
func FacetWord(v string) string {
	f := strings.Fields(strings.ToLower(v))
	if len(f) == 0 || strings.Contains(f[0], `"`) {
		return ""
	}
	return f[0]
}

// ToggleFacet returns the query with f added, or without it when the
// query holds it already; the same facet with the other sign is replaced,
// so that no facet is in a query twice.
func ToggleFacet(query string, f Facet) string {
	var kept []string
	found := false
	for _, tok := range tokens(query) {
		if negate, ok := holds(tok, f); ok {
			found = found || negate == f.Negate
			continue
		}
		kept = append(kept, tok)
	}
	if !found {
		kept = append(kept, f.String())
	}
	return strings.Join(kept, " ")
}

// FacetsInQuery returns a test of whether the query holds a facet's key
// and value, and whether it holds it negated ("-has:slack"), whatever the
// facet's own sign; the query is split once for the many facets asked.
func FacetsInQuery(query string) func(Facet) (held, negated bool) {
	toks := tokens(query)
	return func(f Facet) (bool, bool) {
		for _, tok := range toks {
			if negate, ok := holds(tok, f); ok {
				return true, negate
			}
		}
		return false, false
	}
}

// holds reports whether the query word tok is f's key and value, and
// whether it is negated.
func holds(tok string, f Facet) (negate, ok bool) {
	body, negate := strings.CutPrefix(tok, "-")
	key, value, found := strings.Cut(body, ":")
	return negate, found && isKey(key) && strings.EqualFold(key, f.Key) && strings.ToLower(strings.Trim(value, `"`)) == f.Value
}
