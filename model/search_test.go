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
	ps := []model.Project{{Name: "OPA Gatekeeper"}, {Name: "Ünïcode Ærø CSI"}}
	ix := model.NewIndex(ps)
	if got := ix.NamePositions(0, "gtkpr"); !reflect.DeepEqual(got, []int{4, 6, 8, 11, 13}) {
		t.Errorf("positions = %v", got)
	}
	if got := ix.NamePositions(0, "gate"); !reflect.DeepEqual(got, []int{4, 5, 6, 7}) {
		t.Errorf("positions = %v", got)
	}
	// Rune positions, not bytes, and case folded.
	if got := ix.NamePositions(1, "ærø csi"); !reflect.DeepEqual(got, []int{8, 9, 10, 12, 13, 14}) {
		t.Errorf("positions = %v", got)
	}
	if got := ix.NamePositions(0, "zzz"); got != nil {
		t.Errorf("positions = %v", got)
	}
}

// TestSearchMatchesReference checks the fast matcher against the plain
// definition: every term is a subsequence of the name or of one word of
// the other fields.
func TestSearchMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"azure", "disk", "csi", "kube", "let", "gate", "keeper", "Ærø", "ünï", "cloud", "mesh", "sandbox", "x"}
	gen := func(n int) string { return randomWords(r, words, n) }
	for round := range 50 {
		ps := randomProjects(r, words, 40)
		ix := model.NewIndex(ps)
		for range 20 {
			w := []rune(strings.ToLower(gen(1 + r.IntN(2))))
			r.Shuffle(len(w), func(i, j int) { w[i], w[j] = w[j], w[i] })
			q := string(w[:1+r.IntN(len(w))])
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

// randomProjects makes n projects whose every field is random words.
func randomProjects(r *rand.Rand, words []string, n int) []model.Project {
	gen := func(n int) string { return randomWords(r, words, n) }
	var ps []model.Project
	for range n {
		ps = append(ps, model.Project{
			Name: gen(1 + r.IntN(3)), Area: gen(2), Goal: model.Text{{Text: gen(r.IntN(6))}},
			Maturity: model.Maturity{Text: gen(1)},
			Links:    []model.Link{{Label: gen(1)}},
		})
	}
	return ps
}

func referenceMatch(p model.Project, query string) bool {
	fields := append([]string{p.Name}, strings.Fields(p.Goal.Plain()+" "+p.Area+" "+p.Maturity.Text)...)
	for _, l := range p.Links {
		fields = append(fields, strings.Fields(l.Label)...)
	}
	for _, term := range strings.Fields(query) {
		found := false
		for _, f := range fields {
			if isSubsequence(strings.Map(unicode.ToLower, term), strings.Map(unicode.ToLower, f)) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
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
