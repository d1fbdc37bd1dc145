package model

import (
	"fmt"
	"strings"
)

// Catalog is a parsed project list: its areas and projects in catalog order,
// plus the prose around the project table.
type Catalog struct {
	// Title is the heading the project table stands under.
	Title string
	// Areas lists the project areas in catalog order.
	Areas []Area
	// Projects lists every project in catalog order.
	Projects []Project
	// About is the prose before and after the project table.
	About Prose
	// Origin says where the catalog was read from and how fresh it is.
	Origin Origin
}

// Area is a group of projects, a row of the table with only its first cell filled.
type Area struct {
	Name string
	// Line is the 1-based line of the area's row in the source file.
	Line int
}

// Project is one row of the project table.
type Project struct {
	Name string
	Area string
	// Line is the 1-based line of the project's row in the source file.
	Line     int
	Goal     Text
	Maturity Maturity
	// Links holds the project's links in column order: Project, Goal,
	// Maturity, Communication, Use on Azure.
	Links []Link
	// Notes holds the plain-text items of link cells ("many more").
	Notes []string
	// SubArea is the group within Area the project is listed under (the
	// CNCF Landscape's subcategory); "" when the catalog has none.
	SubArea string
	// OtherPlaces are the areas, besides Area, where the project is listed
	// too: it is one project, reachable from each of them.
	OtherPlaces []Place
	// Dates are dated facts about the project ("Accepted" on
	// "2021-09-14"), in catalog order.
	Dates []DatedFact
}

// Place is where a project is listed: an area and, when the catalog
// groups areas, a sub-area.
type Place struct {
	Area, SubArea string
}

// String writes a place as one line: "Provisioning / Automation &
// Configuration", or the area alone.
func (pl Place) String() string {
	if pl.SubArea == "" {
		return pl.Area
	}
	return pl.Area + " / " + pl.SubArea
}

// Place is where the project is listed first: its area and sub-area.
func (p *Project) Place() Place { return Place{Area: p.Area, SubArea: p.SubArea} }

// PlaceIn returns where the project is listed in area: the first of its
// places in that area; its own Place when area is "" (all areas) or it
// has none there.
func (p *Project) PlaceIn(area string) Place {
	if area != "" && area != p.Area {
		for _, pl := range p.OtherPlaces {
			if pl.Area == area {
				return pl
			}
		}
	}
	return p.Place()
}

// DatedFact is something that happened to a project on a date, both as
// the catalog gives them.
type DatedFact struct {
	Label, Date string
}

// InArea reports whether the project is listed in the named area, as its
// Area or one of its OtherPlaces.
func (p *Project) InArea(area string) bool {
	if p.Area == area {
		return true
	}
	for _, pl := range p.OtherPlaces {
		if pl.Area == area {
			return true
		}
	}
	return false
}

// Homepage returns the project's home link, the first link of its Project cell.
func (p *Project) Homepage() (Link, bool) {
	return p.FirstLink(KindHome)
}

// FirstLink returns the project's first link of the given kind.
func (p *Project) FirstLink(kind Kind) (Link, bool) {
	for _, l := range p.Links {
		if l.Kind == kind {
			return l, true
		}
	}
	return Link{}, false
}

// AreaProjects returns the indexes of the projects listed in the named
// area (Project.InArea).
func (c *Catalog) AreaProjects(area string) []int {
	var idx []int
	for i := range c.Projects {
		if c.Projects[i].InArea(area) {
			idx = append(idx, i)
		}
	}
	return idx
}

// Span is a run of text, a link when URL is set.
type Span struct {
	Text string
	URL  string
}

// Text is inline text that keeps its links, such as a project's goal.
type Text []Span

// Plain returns the text with links reduced to their labels.
func (t Text) Plain() string {
	if len(t) == 1 {
		return t[0].Text
	}
	var b strings.Builder
	for _, s := range t {
		b.WriteString(s.Text)
	}
	return b.String()
}

// FindArea finds an area by name: an exact match ignoring case, else the
// one area whose name contains name. The error lists the areas.
func (c *Catalog) FindArea(name string) (Area, error) {
	want := strings.ToLower(strings.TrimSpace(name))
	var found []Area
	for _, a := range c.Areas {
		n := strings.ToLower(a.Name)
		if n == want {
			return a, nil
		}
		if strings.Contains(n, want) {
			found = append(found, a)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	names := make([]string, len(c.Areas))
	for i, a := range c.Areas {
		names[i] = fmt.Sprintf("%q", a.Name)
	}
	what := "no area matches"
	if len(found) > 1 {
		what = "several areas match"
	}
	return Area{}, fmt.Errorf("%s %q; the areas are %s", what, name, strings.Join(names, ", "))
}

// Texts returns every text of the catalog: titles, names, goals, labels,
// URLs, notes. Tests use it to check that all of them are clean.
func (c *Catalog) Texts() []string {
	texts := append([]string{c.Title}, c.About.Texts()...)
	for _, a := range c.Areas {
		texts = append(texts, a.Name)
	}
	for _, p := range c.Projects {
		texts = append(texts, p.Name, p.Area, p.Maturity.Text, p.Maturity.Org, p.Maturity.State, p.Maturity.API)
		texts = append(texts, p.Notes...)
		texts = append(texts, p.SubArea)
		for _, pl := range p.OtherPlaces {
			texts = append(texts, pl.Area, pl.SubArea)
		}
		for _, d := range p.Dates {
			texts = append(texts, d.Label, d.Date)
		}
		for _, s := range p.Goal {
			texts = append(texts, s.Text, s.URL)
		}
		for _, l := range p.Links {
			texts = append(texts, l.Label, l.URL, l.SharedFrom)
		}
	}
	return texts
}
