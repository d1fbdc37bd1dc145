package model_test

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/model"
)

func embedded(t testing.TB) *model.Catalog {
	t.Helper()
	c, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func names(c *model.Catalog, ms []model.Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, c.Projects[m.Project].Name)
	}
	return out
}

func TestSearchRanking(t *testing.T) {
	c := embedded(t)
	ix := model.NewIndex(c.Projects)
	for _, tc := range []struct {
		query string
		first []string // the first results, in order
	}{
		{"gtkpr", []string{"OPA Gatekeeper"}},
		{"gatekeeper", []string{"OPA Gatekeeper"}},
		{"GATEK", []string{"OPA Gatekeeper"}},
		{"azure disk csi", []string{"Azure Disk CSI Driver"}},
		{"disk azure", []string{"Azure Disk CSI Driver"}},
		{"containerd", []string{"Containerd"}},
		{"smi", []string{"Service Mesh Interface (SMI)"}},
	} {
		got := names(c, ix.Search(tc.query, nil))
		if len(got) < len(tc.first) || !reflect.DeepEqual(got[:len(tc.first)], tc.first) {
			t.Errorf("Search(%q) = %q, want it to start with %q", tc.query, got, tc.first)
		}
	}

	// "csi" lists the CSI drivers before anything else.
	got := names(c, ix.Search("csi", nil))
	for i, n := range got[:5] {
		if !strings.Contains(n, "CSI") {
			t.Errorf("csi result %d is %q; results %q", i, n, got)
		}
	}

	if got := ix.Search("", nil); len(got) != len(c.Projects) || got[3].Project != 3 {
		t.Errorf("empty query gives %d matches", len(got))
	}
	if got := ix.Search("zzzzqx", nil); len(got) != 0 {
		t.Errorf("nonsense matched %q", names(c, got))
	}
}

// TestSearchIsSharp: fuzzy matching finds what a user means, and not what
// the letters of a term happen to spell out across a field.
func TestSearchIsSharp(t *testing.T) {
	c := embedded(t)
	ix := model.NewIndex(c.Projects)
	withSlack := func() []string {
		var out []string
		for _, p := range c.Projects {
			if _, ok := p.FirstLink(model.KindSlack); ok {
				out = append(out, p.Name)
			}
		}
		return out
	}()
	for _, tc := range []struct {
		query string
		want  []string // every match, best first; nil for none
	}{
		// Not through the letters of a mailing-list address
		// (kubernetes-provider-azure@googlegroups.com).
		{"keda", nil},
		// Not through "graduated" or "integrates".
		{"gate", []string{"OPA Gatekeeper"}},
		// A link kind finds the projects with such a link.
		{"slack", withSlack},
		{"forum", []string{"Moby", "Windows containers"}},
		// Two letters swapped.
		{"gaetkeeper", []string{"OPA Gatekeeper"}},
		{"vritual", []string{"Virtual Kubelet"}},
		{"keyvalut", []string{"Keyvault Flexvol", "Azure KeyVault Provider for Secrets Store CSI Driver"}},
		// As typed in the goal, where letters spread out would match
		// nearly anything.
		{"masquerade", []string{"Virtual Kubelet"}},
		{"masquerde", nil},
	} {
		if got := names(c, ix.Search(tc.query, nil)); !slices.Equal(got, tc.want) {
			t.Errorf("Search(%q) = %q, want %q", tc.query, got, tc.want)
		}
	}
	// Name matches first: "windows" is Windows containers' name, and in
	// Containerd's goal.
	ms := ix.Search("windows", nil)
	if got := names(c, ms); !slices.Equal(got, []string{"Windows containers", "Containerd"}) || ms[0].Field != model.FieldName || ms[1].Field != model.FieldGoal {
		t.Errorf("Search(windows) = %q %+v", got, ms)
	}
	// A typo in a name still ranks above a goal matched as typed.
	ps := []model.Project{
		{Name: "Other", Goal: model.Text{{Text: "runs the gatekeeper"}}},
		{Name: "OPA Gatekeeper"},
	}
	if got := model.NewIndex(ps).Search("gaetkeepre", nil); len(got) != 0 {
		t.Errorf("two typos matched: %+v", got)
	}
	if got := model.NewIndex(ps).Search("gaetkeeper", nil); len(got) != 2 || got[0].Project != 1 || got[0].Field != model.FieldName {
		t.Errorf("Search(gaetkeeper) = %+v, want the name first", got)
	}
	if got := model.NewIndex(ps).Search("gatekeeper", nil); len(got) != 2 || got[0].Project != 1 {
		t.Errorf("Search(gatekeeper) = %+v, want the name first", got)
	}
}

// TestPositions: the letters a search matched, in the name for the terms
// found there and in the goal for the others, typos included.
func TestPositions(t *testing.T) {
	ps := []model.Project{{Name: "Virtual Kubelet", Goal: model.Text{{Text: "Enable services to "}, {Text: "masquerade", URL: "https://x.example"}, {Text: " as kubelet"}}}}
	ix := model.NewIndex(ps)
	for _, tc := range []struct {
		query      string
		name, goal []int
	}{
		{"masq", nil, []int{19, 20, 21, 22}},
		{"vritual masq", []int{0, 1, 2, 3, 4, 5, 6}, []int{19, 20, 21, 22}},
		{"kubelet", []int{8, 9, 10, 11, 12, 13, 14}, nil}, // found in the name: not marked again in the goal
		{"sevrices", nil, []int{7, 8, 9, 10, 11, 12, 13, 14}},
		{"zzz", nil, nil},
	} {
		name, goal := ix.Positions(0, tc.query)
		if !slices.Equal(name, tc.name) || !slices.Equal(goal, tc.goal) {
			t.Errorf("Positions(%q) = %v, %v; want %v, %v", tc.query, name, goal, tc.name, tc.goal)
		}
	}
}

func TestNameRanksAboveGoal(t *testing.T) {
	ps := []model.Project{
		{Name: "Alpha", Goal: model.Text{{Text: "works with kubelet"}}},
		{Name: "Kubelet tools", Goal: model.Text{{Text: "other"}}},
		{Name: "Gamma", Area: "kubelet area"},
	}
	ix := model.NewIndex(ps)
	got := ix.Search("kubelet", nil)
	var order []int
	for _, m := range got {
		order = append(order, m.Project)
	}
	if !reflect.DeepEqual(order, []int{1, 0, 2}) {
		t.Errorf("order = %v, want name, goal, area", order)
	}
	for k, want := range []model.Field{model.FieldName, model.FieldGoal, model.FieldOther} {
		if k < len(got) && got[k].Field != want {
			t.Errorf("match %d (project %d) in field %d, want %d", k, got[k].Project, got[k].Field, want)
		}
	}
	// Several terms: the match is in the lowest of their fields.
	if got := ix.Search("kub oth", nil); len(got) != 1 || got[0].Project != 1 || got[0].Field != model.FieldGoal {
		t.Errorf("Search(kub oth) = %+v, want project 1 in the goal", got)
	}
	if got := ix.Search("", nil); len(got) != 3 || got[0].Field != model.FieldNone {
		t.Errorf("Search(\"\") = %+v, want every project in no field", got)
	}
	if got := ix.Search("kubelet", []int{0, 2}); len(got) != 2 || got[0].Project != 0 {
		t.Errorf("restricted search = %+v", got)
	}
}

func TestNamePositions(t *testing.T) {
	namePositions := func(ix *model.Index, i int, q string) []int {
		name, _ := ix.Positions(i, q)
		return name
	}
	ps := []model.Project{{Name: "OPA Gatekeeper"}, {Name: "Ünïcode Ærø CSI"}}
	ix := model.NewIndex(ps)
	if got := namePositions(ix, 0, "gtkpr"); !reflect.DeepEqual(got, []int{4, 6, 8, 11, 13}) {
		t.Errorf("positions = %v", got)
	}
	if got := namePositions(ix, 0, "gate"); !reflect.DeepEqual(got, []int{4, 5, 6, 7}) {
		t.Errorf("positions = %v", got)
	}
	// Rune positions, not bytes, and case folded.
	if got := namePositions(ix, 1, "ærø csi"); !reflect.DeepEqual(got, []int{8, 9, 10, 12, 13, 14}) {
		t.Errorf("positions = %v", got)
	}
	if got := namePositions(ix, 0, "zzz"); got != nil {
		t.Errorf("positions = %v", got)
	}
}

// TestSearchMatchesReference checks the fast matcher against the plain
// definition (referenceMatch), on random catalogs and queries: words
// shuffled and cut, so that some are typos.
func TestSearchMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"azure", "disk", "csi", "kube", "let", "gate", "keeper", "Ærø", "ünï", "cloud", "mesh", "sandbox", "x",
		"slack", "issues", "sig-net@googlegroups.com", "graduated", "kubelet"}
	gen := func(n int) string { return randomWords(r, words, n) }
	for round := range 50 {
		ps := randomProjects(r, words, 40)
		ix := model.NewIndex(ps)
		for range 40 {
			w := []rune(strings.ToLower(gen(1 + r.IntN(2))))
			switch r.IntN(3) {
			case 0: // letters anywhere
				r.Shuffle(len(w), func(i, j int) { w[i], w[j] = w[j], w[i] })
			case 1: // a typo
				if i := r.IntN(len(w)); i+1 < len(w) {
					w[i], w[i+1] = w[i+1], w[i]
				}
			}
			from := 0
			if r.IntN(2) == 0 {
				from = r.IntN(len(w))
			}
			q := string(w[from : from+1+r.IntN(len(w)-from)])
			if strings.TrimSpace(q) == "" {
				continue
			}
			got := map[int]bool{}
			for _, m := range ix.Search(q, nil) {
				got[m.Project] = true
			}
			for i, p := range ps {
				if want := referenceMatch(p, q); want != got[i] {
					t.Fatalf("round %d: query %q on %+v: fast %v, reference %v", round, q, p, got[i], want)
				}
			}
		}
	}
}

// TestParallelSearch types a word over a catalog large enough that both
// the whole search and the narrowing are split across the cores: each
// keystroke must find what searching every project on its own finds, with
// the same scores, ranked the same.
func TestParallelSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	words := []string{"azure", "disk", "csi", "kube", "kubelet", "let", "gate", "keeper", "cloud", "mesh", "sandbox", "x"}
	ps := randomProjects(r, words, 6000)
	ix := model.NewIndex(ps)
	s := ix.NewSearcher()
	for _, q := range []string{"k", "ku", "kub", "kube", "kubel", "kubelx"} {
		var want []model.Match
		for i, p := range ps {
			if ms := model.NewIndex([]model.Project{p}).Search(q, nil); len(ms) == 1 {
				want = append(want, model.Match{Project: i, Score: ms[0].Score, Field: ms[0].Field})
			}
		}
		slices.SortStableFunc(want, func(a, b model.Match) int { return b.Score - a.Score })
		if q == "kub" && len(want) < 2*2048 { // twice parallelMin
			t.Fatalf("%q matches %d projects: too few to split a narrowed search", q, len(want))
		}
		if got := s.Search(q); !slices.Equal(got, want) {
			t.Fatalf("typing %q: %d matches, want %d (first difference at %d)", q, len(got), len(want), firstDiff(got, want))
		}
	}
}

func firstDiff(a, b []model.Match) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// randomWords joins n words drawn from words.
func randomWords(r *rand.Rand, words []string, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = words[r.IntN(len(words))]
	}
	return strings.Join(parts, " ")
}

// randomProjects makes n projects whose every field is random words, and
// whose links are of random kinds.
func randomProjects(r *rand.Rand, words []string, n int) []model.Project {
	gen := func(n int) string { return randomWords(r, words, n) }
	var ps []model.Project
	for range n {
		ps = append(ps, model.Project{
			Name: gen(1 + r.IntN(3)), Area: gen(2), Goal: model.Text{{Text: gen(r.IntN(6))}},
			Maturity: model.Maturity{Text: gen(1)},
			Links:    []model.Link{{Label: gen(1), Kind: model.Kind(r.IntN(int(model.KindOther) + 1))}},
		})
	}
	return ps
}

// referenceMatch is the plain definition of a match: every term of the
// query is a subsequence of the name, or, from 4 runes, is in the name
// with two adjacent runes swapped; or it is in the goal, the area, the
// maturity, a link label or the name of a link's kind (but home's), as it
// is or, from 4 runes, with two adjacent runes swapped or its last rune one
// place late.
func referenceMatch(p model.Project, query string) bool {
	lower := func(s string) []rune { return []rune(strings.Map(unicode.ToLower, s)) }
	name := lower(p.Name)
	fields := [][]rune{lower(p.Goal.Plain()), lower(p.Area), lower(p.Maturity.Text)}
	for _, l := range p.Links {
		fields = append(fields, lower(l.Label))
		if slices.Contains(model.FacetKinds, l.Kind) && l.Kind != model.KindHome {
			fields = append(fields, lower(l.Kind.String()))
		}
	}
	for _, word := range strings.Fields(query) {
		term := lower(word)
		typos := swapped(term)
		found := isSubsequence(string(term), string(name)) || slices.ContainsFunc(typos, func(v []rune) bool { return containsRunes(name, v) })
		for _, f := range fields {
			found = found || containsRunes(f, term) || slices.ContainsFunc(typos, func(v []rune) bool { return containsRunes(f, v) }) ||
				len(typos) > 0 && lastLate(f, term)
		}
		if !found {
			return false
		}
	}
	return true
}

// swapped returns the term with each pair of adjacent runes swapped, from
// 4 runes; none for a shorter term.
func swapped(term []rune) [][]rune {
	if len(term) < 4 {
		return nil
	}
	var out [][]rune
	for j := 0; j+1 < len(term); j++ {
		v := slices.Clone(term)
		v[j], v[j+1] = v[j+1], v[j]
		out = append(out, v)
	}
	return out
}

func containsRunes(hay, needle []rune) bool {
	for i := 0; i+len(needle) <= len(hay); i++ {
		if slices.Equal(hay[i:i+len(needle)], needle) {
			return true
		}
	}
	return false
}

// lastLate reports whether hay holds the term with one rune other than a
// space before its last.
func lastLate(hay, term []rune) bool {
	n := len(term)
	for i := 0; i+n < len(hay); i++ {
		if slices.Equal(hay[i:i+n-1], term[:n-1]) && !unicode.IsSpace(hay[i+n-1]) && hay[i+n] == term[n-1] {
			return true
		}
	}
	return false
}

func isSubsequence(needle, hay string) bool {
	n := []rune(needle)
	k := 0
	for _, r := range hay {
		if k < len(n) && n[k] == r {
			k++
		}
	}
	return k == len(n)
}

// TestSearcherNarrowsCorrectly types queries letter by letter, with
// backspaces and spaces, and checks each result against a fresh search.
func TestSearcherNarrowsCorrectly(t *testing.T) {
	c := embedded(t)
	ix := model.NewIndex(c.Projects)
	s := ix.NewSearcher()
	var typed string
	for _, step := range []string{"c", "s", "i", " ", "d", "\b", "\b", "\b", "a", "z", " ", "c", "\b", "\b", "\b", "\b", "g", "t", "k"} {
		if step == "\b" {
			typed = typed[:len(typed)-1]
		} else {
			typed += step
		}
		got, want := s.Search(typed), ix.Search(typed, nil)
		if !reflect.DeepEqual(append([]model.Match{}, got...), append([]model.Match{}, want...)) {
			t.Fatalf("after typing %q: searcher %v, fresh %v", typed, got, want)
		}
	}
}

func TestSearchUntilStops(t *testing.T) {
	c := embedded(t)
	ix := model.NewIndex(c.Projects)
	s := ix.NewSearcher()
	s.Search("zzz") // matches nothing: narrowing from it would find nothing
	if ms, ok := s.SearchUntil("zzz csi", func() bool { return true }); ok || ms != nil {
		t.Errorf("a stopped search returned %v, %v", ms, ok)
	}
	// A stopped search leaves nothing to narrow from: the next is whole.
	ms, ok := s.SearchUntil("csi", func() bool { return false })
	if want := ix.Search("csi", nil); !ok || !reflect.DeepEqual(append([]model.Match{}, ms...), want) {
		t.Errorf("after a stop: %v, %v; want %v", ms, ok, want)
	}
}

// TestTypingMatchesFreshSearch types random words letter by letter over
// random catalogs; each keystroke's result, narrowed from the one before,
// must equal a fresh search, scores included.
func TestTypingMatchesFreshSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	words := []string{"azure", "disk", "csi", "kube", "kubelet", "let", "gate", "keeper", "Ærø", "cloud", "mesh", "sandbox", "x"}
	for round := range 40 {
		ps := randomProjects(r, words, 60)
		ix := model.NewIndex(ps)
		s := ix.NewSearcher()
		word := strings.ToLower(words[r.IntN(len(words))] + words[r.IntN(len(words))])
		if round%2 == 1 { // a typo: two letters swapped
			w := []rune(word)
			i := r.IntN(len(w) - 1)
			w[i], w[i+1] = w[i+1], w[i]
			word = string(w)
		}
		for n := 1; n <= len(word); n++ {
			q := word[:n]
			if !utf8.ValidString(q) {
				continue
			}
			got, want := append([]model.Match{}, s.Search(q)...), ix.Search(q, nil)
			if !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
				t.Fatalf("round %d, typing %q: narrowed %v, fresh %v", round, q, got, want)
			}
		}
	}
}
