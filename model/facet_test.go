package model

import (
	"reflect"
	"strings"
	"testing"
)

// facetCatalog has one project per interesting combination.
func facetCatalog() []Project {
	link := func(k Kind) Link { return Link{Label: string(k), URL: "https://example.com/" + string(k), Kind: k} }
	return []Project{
		{Name: "In-tree", Area: "Kubernetes Azure Cloud Provider", Maturity: Maturity{Org: "CNCF", State: "graduated"}, Links: []Link{link(KindHome), link(KindSlack)}},
		{Name: "Containerd", Area: "Container Runtime", Maturity: Maturity{Org: "CNCF", State: "graduated"}, Links: []Link{link(KindHome), link(KindSlack), link(KindIssues)}},
		{Name: "Helm", Area: "Package Management", Maturity: Maturity{Org: "CNCF", State: "graduated"}, Links: []Link{link(KindHome)}},
		{Name: "Gatekeeper", Area: "Governance", Maturity: Maturity{Org: "CNCF", State: "incubating", API: "alpha"}, Links: []Link{link(KindHome), link(KindMailingList)}},
		{Name: "AKS Engine", Area: "Cluster Management", Maturity: Maturity{Org: "Azure", State: "incubating"}, Links: []Link{link(KindHome), link(KindSlack)}},
		{Name: "Moby", Area: "Container Runtime", Maturity: Maturity{Org: "Moby", State: StateUnknown}, Links: []Link{link(KindHome), link(KindSlack)}},
	}
}

func TestFacets(t *testing.T) {
	ps := facetCatalog()
	ix := NewIndex(ps)
	for _, tc := range []struct {
		query string
		want  string
	}{
		{"state:graduated has:slack", "In-tree Containerd"},
		{"state:grad has:slack", "In-tree Containerd"},
		{"state:graduated -has:slack", "Helm"},
		{"org:azure", "AKS Engine"},
		{"org:cncf state:alpha", "Gatekeeper"}, // the API version counts as a state
		{"state:unknown", "Moby"},
		{"has:mail", "Gatekeeper"},
		{"area:runtime", "Containerd Moby"},
		{`area:"container runtime" -org:moby`, "Containerd"},
		{"area:ctrrt", "Containerd Moby"},                                // fuzzy
		{"has:slack cont", "Containerd Moby"},                            // fuzzy words rank within the facets
		{"state:", "In-tree Containerd Helm Gatekeeper AKS Engine Moby"}, // a facet being typed
		{"STATE:Graduated HAS:Issues", "Containerd"},
		{"org:nobody", ""},
	} {
		var got []string
		for _, m := range ix.Search(tc.query, nil) {
			got = append(got, ps[m.Project].Name)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%q: %q, want %q", tc.query, strings.Join(got, " "), tc.want)
		}
	}
}

func TestQueryErrors(t *testing.T) {
	for q, want := range map[string]string{
		"colour:red":     `colour:red: unknown filter; use area:, org:, state:, has: or is: (-has:slack leaves out)`,
		"moby has:email": `has:email: no such link kind; has: takes slack, issues, mailing-list, docs, releases, tests, forum, board, repository, home`,
		// What would not show as itself is quoted, escaped and cut.
		"colour:\x1b]0;X\a":                   `"colour:\x1b]0;X\a": unknown filter; use area:, org:, state:, has: or is: (-has:slack leaves out)`,
		"has:\u009b2J":                        `"has:\u009b2J": no such link kind; has: takes slack, issues, mailing-list, docs, releases, tests, forum, board, repository, home`,
		`has:"sl ack"`:                        `"has:\"sl ack\"": no such link kind; has: takes slack, issues, mailing-list, docs, releases, tests, forum, board, repository, home`,
		"k" + strings.Repeat("e", 250) + ":y": `"k` + strings.Repeat("e", 199) + `…": unknown filter; use area:, org:, state:, has: or is: (-has:slack leaves out)`,
		// A query past MaxQueryRunes is not searched: 30 KB made
		// every search slow. The limit counts runes, not bytes.
		strings.Repeat("kube ", 6000):        "query too long: 30000 characters; at most 256",
		strings.Repeat("é", MaxQueryRunes+1): "query too long: 257 characters; at most 256",
	} {
		err := CheckQuery(q)
		if err == nil || err.Error() != want {
			t.Errorf("%q: %v", q, err)
		}
		if ms := NewIndex(facetCatalog()).Search(q, nil); len(ms) != 0 {
			t.Errorf("%q matched %d", q, len(ms))
		}
	}
	if err := CheckQuery(strings.Repeat("é", MaxQueryRunes)); err != nil {
		t.Errorf("a query of MaxQueryRunes: %v", err)
	}
	words, facets, err := ParseQuery(`gate -has:slack area:"a b" x:y:z 2:30`)
	if err == nil {
		t.Errorf("x:y:z accepted: %v %v", words, facets)
	}
	words, facets, err = ParseQuery(`gate -has:slack area:"a b" 2:30`)
	want := []Facet{{Key: "has", Value: "slack", Negate: true}, {Key: "area", Value: "a b"}}
	if err != nil || !reflect.DeepEqual(words, []string{"gate", "2:30"}) || !reflect.DeepEqual(facets, want) {
		t.Errorf("words %q facets %+v err %v", words, facets, err)
	}
	if facets[1].String() != `area:"a b"` || facets[0].String() != "-has:slack" {
		t.Errorf("%s %s", facets[0], facets[1])
	}
}

// TestFacetsDoNotNarrowWrongly: typing on from a fuzzy word into a facet,
// or lengthening a negated value, must not keep the narrower results.
func TestFacetsDoNotNarrowWrongly(t *testing.T) {
	ps := facetCatalog()
	s := NewIndex(ps).NewSearcher()
	steps := []string{"state", "state:", "state:g", "-", "-has:s", "-has:sl", "-has:slack"}
	for _, q := range steps {
		got := len(s.Search(q))
		want := len(NewIndex(ps).Search(q, nil))
		if got != want {
			t.Errorf("%q: %d matches while typing, %d afresh", q, got, want)
		}
	}
}

// TestCountFacets: one pass counts what each facet's search finds.
func TestCountFacets(t *testing.T) {
	ix := NewIndex(facetCatalog())
	fs := []Facet{{Key: "has", Value: "slack"}, {Key: "state", Value: "graduated"}, {Key: "org", Value: "cncf", Negate: true}, {Key: "area", Value: "runtime"}, {Key: "state"}}
	got := ix.CountFacets(fs)
	for k, f := range fs {
		if want := len(ix.Search(f.String(), nil)); got[k] != want {
			t.Errorf("%s: counted %d, search finds %d", f, got[k], want)
		}
	}
}

func TestToggleFacet(t *testing.T) {
	slack := Facet{Key: "has", Value: "slack"}
	for _, tc := range []struct {
		query string
		f     Facet
		want  string
	}{
		{"", slack, "has:slack"},
		{"gatek", slack, "gatek has:slack"},
		{"gatek has:slack", slack, "gatek"},
		{"HAS:Slack  gatek", slack, "gatek"},
		{"gatek -has:slack", slack, "gatek has:slack"},
		{"has:slack", Facet{Key: "has", Value: "slack", Negate: true}, "-has:slack"},
		{`area:"container runtime" x`, Facet{Key: "area", Value: "container runtime"}, "x"},
		{"has:slackish", slack, "has:slackish has:slack"},
	} {
		if got := ToggleFacet(tc.query, tc.f); got != tc.want {
			t.Errorf("ToggleFacet(%q, %v) = %q, want %q", tc.query, tc.f, got, tc.want)
		}
	}
}

func TestCountFacetsIn(t *testing.T) {
	ps := []Project{
		{Name: "a", Maturity: Maturity{Org: "K8s API", State: "stable"}},
		{Name: "b", Maturity: Maturity{Org: "CNCF", State: "sandbox"}},
		{Name: "c", Maturity: Maturity{Org: "CNCF", State: "graduated"}},
	}
	ix := NewIndex(ps)
	fs := []Facet{{Key: "org", Value: FacetWord("K8s API")}, {Key: "org", Value: "cncf"}}
	if got := ix.CountFacetsIn(fs, nil); got[0] != 1 || got[1] != 2 {
		t.Errorf("all: %v", got)
	}
	if got := ix.CountFacetsIn(fs, []int{2}); got[0] != 0 || got[1] != 1 {
		t.Errorf("within c: %v", got)
	}
	if FacetWord("K8s API") != "k8s" || FacetWord(`"x`) != "" || FacetWord(" ") != "" {
		t.Errorf("FacetWord: %q", FacetWord("K8s API"))
	}
}

// TestCheckWholeQuery: a quote left open is an error in a query given
// whole, and none while a query is typed.
func TestCheckWholeQuery(t *testing.T) {
	for q, open := range map[string]bool{`area:"unclosed`: true, `kube "a b`: true, `area:"a b"`: false, `kube`: false} {
		if err := CheckQuery(q); err != nil {
			t.Errorf("CheckQuery(%q) = %v while typed", q, err)
		}
		if err := CheckWholeQuery(q); (err != nil) != open || open && !strings.HasPrefix(err.Error(), "unclosed quote") {
			t.Errorf("CheckWholeQuery(%q) = %v", q, err)
		}
	}
	if err := CheckWholeQuery("colour:red"); err == nil {
		t.Error("CheckWholeQuery misses what CheckQuery finds")
	}
}
