package model

import (
	"slices"
	"testing"
	"time"
)

// healthCatalog has a project for each health: kubernetes/kubernetes twice
// (one repository, two projects), one moved, one with no repository.
func healthCatalog() (*Catalog, map[string]Health) {
	gh := func(name, repo string) Project {
		return Project{Name: name, Area: "A", Links: []Link{{URL: "https://github.com/" + repo, Column: ColumnProject, Kind: KindHome}}}
	}
	c := &Catalog{Projects: []Project{
		gh("Kube", "kubernetes/kubernetes"),
		gh("Old engine", "Azure/aks-engine"),
		gh("SMI", "deislabs/smi-spec"),
		{Name: "No repo", Area: "A"},
		gh("Windows", "Kubernetes/Kubernetes/issues"),
		gh("Unchecked", "some/where"),
		gh("Quiet one", "quiet/one"),
	}}
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	health := map[string]Health{
		"kubernetes/kubernetes": {Stars: 100, PushedAt: now.Add(-day), CheckedAt: now},
		"azure/aks-engine":      {Stars: 10, Archived: true, PushedAt: now.Add(-900 * day), CheckedAt: now},
		"deislabs/smi-spec":     {Stars: 50, MovedTo: Repo{"servicemeshinterface", "smi-spec"}, PushedAt: now.Add(-500 * day), CheckedAt: now},
		"quiet/one":             {Stars: 50, PushedAt: now.Add(-200 * day), CheckedAt: now},
	}
	return c, health
}

func newHealthView(t *testing.T) (*Catalog, *HealthView, int) {
	t.Helper()
	c, health := healthCatalog()
	lookups := 0
	v := NewHealthView(c, func(r Repo) (Health, bool) {
		lookups++
		h, ok := health[r.Key()]
		h.Repo = r
		return h, ok
	}, time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC))
	return c, v, lookups
}

func TestHealthView(t *testing.T) {
	_, v, lookups := newHealthView(t)
	if lookups != 5 {
		t.Errorf("%d lookups; want 5, one per repository", lookups)
	}
	want := []Status{StatusActive, StatusArchived, StatusStale, StatusUnknown, StatusActive, StatusUnknown, StatusQuiet}
	for i, s := range want {
		if got := v.Status(i); got != s {
			t.Errorf("project %d: status %v; want %v", i, got, s)
		}
	}
	if !v.Moved(2) || v.Moved(0) || v.Of(3) != nil || v.Of(0) != v.Of(4) {
		t.Errorf("moved %v %v, no repo %v, shared %p %p", v.Moved(2), v.Moved(0), v.Of(3), v.Of(0), v.Of(4))
	}
	var none *HealthView
	if none.Status(0) != StatusUnknown || none.Moved(0) || none.Of(0) != nil {
		t.Error("a nil view knows something")
	}
}

func TestIsFacets(t *testing.T) {
	c, v, _ := newHealthView(t)
	ix := NewIndex(c.Projects).WithHealth(v)
	names := func(q string) []string {
		var out []string
		for _, m := range ix.Search(q, nil) {
			out = append(out, c.Projects[m.Project].Name)
		}
		slices.Sort(out)
		return out
	}
	for q, want := range map[string][]string{
		"is:archived":              {"Old engine"},
		"is:moved":                 {"SMI"},
		"is:arch":                  {"Old engine"},
		"is:active":                {"Kube", "Windows"},
		"is:quiet":                 {"Quiet one"},
		"is:stale":                 {"SMI"},
		"is:unknown":               {"No repo", "Unchecked"},
		"-is:unknown -is:active":   {"Old engine", "Quiet one", "SMI"},
		"is:active windows":        {"Windows"},
		"is:missing":               nil,
		"is:archived -is:archived": nil,
	} {
		if got := names(q); !slices.Equal(got, want) {
			t.Errorf("%q: %q; want %q", q, got, want)
		}
	}
	if got := ix.CountFacets([]Facet{{Key: "is", Value: "archived"}, {Key: "is", Value: "unknown", Negate: true}}); !slices.Equal(got, []int{1, 5}) {
		t.Errorf("CountFacets = %v; want [1 5]", got)
	}
	// Without health, every project is unknown.
	if got := len(NewIndex(c.Projects).Search("is:unknown", nil)); got != len(c.Projects) {
		t.Errorf("is:unknown without health: %d; want all %d", got, len(c.Projects))
	}
	if err := CheckQuery("is:alive"); err == nil || err.Error() != "is:alive: no such health word; is: takes archived, moved, stale, quiet, active, missing, unknown" {
		t.Errorf("CheckQuery(is:alive) = %v", err)
	}
}

func TestSortProjects(t *testing.T) {
	c, v, _ := newHealthView(t)
	all := func() []int { return []int{6, 5, 4, 3, 2, 1, 0} }
	for by, want := range map[SortOrder][]int{
		SortCatalog: {0, 1, 2, 3, 4, 5, 6},
		SortName:    {0, 3, 1, 6, 2, 5, 4},
		SortStars:   {4, 0, 6, 2, 1, 5, 3}, // ties keep the order given; unknown last
		SortPushed:  {4, 0, 6, 2, 1, 5, 3},
	} {
		got := all()
		SortProjects(got, c, v, by)
		if !slices.Equal(got, want) {
			t.Errorf("%v: %v; want %v", by, got, want)
		}
		if back, ok := ParseSortOrder(by.String()); !ok || back != by {
			t.Errorf("ParseSortOrder(%q) = %v, %v", by, back, ok)
		}
	}
}

func TestReadsHealth(t *testing.T) {
	for q, want := range map[string]bool{
		"": false, "containerd": false, "has:slack org:cncf": false,
		"is:archived": true, "runtime -is:stale": true,
	} {
		if got := ReadsHealth(q); got != want {
			t.Errorf("ReadsHealth(%q) = %v, want %v", q, got, want)
		}
	}
}
