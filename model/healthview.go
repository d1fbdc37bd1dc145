package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// HealthView is the health of a catalog's projects at one time: a
// snapshot, never changed once made, so that searches running in commands
// can read it while the app makes the next one. The zero view, and a nil
// one, know nothing: every project is StatusUnknown.
type HealthView struct {
	health []*Health // by project; nil when none is known
	bits   []uint8   // by project: statusBit(status) | movedBit
}

// NewHealthView looks up the health of every project with a repository
// (RepoOf) and works out its status at the time now. Projects that share
// a repository share its health.
func NewHealthView(c *Catalog, lookup func(Repo) (Health, bool), now time.Time) *HealthView {
	return NewHealthViewOf(len(c.Projects), func(i int) (Repo, string) {
		r, ok := RepoOf(&c.Projects[i])
		if !ok {
			return Repo{}, ""
		}
		return r, r.Key()
	}, lookup, now)
}

// NewHealthViewOf is NewHealthView for n projects whose repositories were
// found once (RepoOf): repo(i) is project i's and its Key, "" for none. A
// snapshot made again for every answer need not find them again.
func NewHealthViewOf(n int, repo func(i int) (Repo, string), lookup func(Repo) (Health, bool), now time.Time) *HealthView {
	v := &HealthView{health: make([]*Health, n), bits: make([]uint8, n)}
	known := map[string]*Health{}
	for i := range n {
		v.bits[i] = statusBit(StatusUnknown)
		r, key := repo(i)
		if key == "" {
			continue
		}
		h, seen := known[key]
		if !seen {
			if found, ok := lookup(r); ok {
				h = &found
			}
			known[key] = h
		}
		if h == nil {
			continue
		}
		v.health[i] = h
		v.bits[i] = statusBit(h.Status(now))
		if h.Moved() {
			v.bits[i] |= movedBit
		}
	}
	return v
}

// Of returns project i's health, nil when none is known.
func (v *HealthView) Of(i int) *Health {
	if v == nil || i < 0 || i >= len(v.health) {
		return nil
	}
	return v.health[i]
}

// Status returns project i's status word.
func (v *HealthView) Status(i int) Status {
	b := v.bitsOf(i)
	for s := StatusUnknown; int(s) < len(statusNames); s++ {
		if b&statusBit(s) != 0 {
			return s
		}
	}
	return StatusUnknown
}

// Moved reports whether project i's repository has a new name.
func (v *HealthView) Moved(i int) bool { return v.bitsOf(i)&movedBit != 0 }

func (v *HealthView) bitsOf(i int) uint8 {
	if v == nil || i < 0 || i >= len(v.bits) {
		return statusBit(StatusUnknown)
	}
	return v.bits[i]
}

// HealthWords are the values of the is: facet, in the order help and the
// facet picker give them: the status words, and "moved".
var HealthWords = []string{"archived", "moved", "stale", "quiet", "active", "missing", "unknown"}

// movedBit marks a moved repository beside the status bits.
const movedBit = 1 << 7

func statusBit(s Status) uint8 { return 1 << s }

// healthBitsWithPrefix returns the bits an is: value names: the words
// starting with it ("arch" is archived).
func healthBitsWithPrefix(value string) uint8 {
	var bits uint8
	for _, w := range HealthWords {
		if !strings.HasPrefix(w, value) {
			continue
		}
		if s, ok := ParseStatus(w); ok {
			bits |= statusBit(s)
		} else {
			bits |= movedBit
		}
	}
	return bits
}

// WithHealth returns a copy of the index whose searches and facet counts
// read the is: facets from v. The copy shares everything else with ix.
func (ix *Index) WithHealth(v *HealthView) *Index {
	c := *ix
	c.health = v
	return &c
}

// ReadsHealth reports whether a query holds an is: facet, whose answer
// depends on a HealthView; false for a query that does not parse.
func ReadsHealth(query string) bool {
	_, facets, err := ParseQuery(query)
	return err == nil && slices.ContainsFunc(facets, func(f Facet) bool { return f.Key == "is" })
}

// SortOrder is an order a project list can be shown in.
type SortOrder uint8

// The sort orders, in the order the app's key cycles them (SortName is for
// the command line).
const (
	SortCatalog SortOrder = iota
	SortStars
	SortPushed
	SortName
)

var sortNames = [...]string{"catalog", "stars", "pushed", "name"}

func (o SortOrder) String() string { return nameOf(sortNames[:], o) }

// ParseSortOrder returns the order with the given name.
func ParseSortOrder(name string) (SortOrder, bool) { return parseName[SortOrder](sortNames[:], name) }

// SortProjects puts projects (indexes into c.Projects) in the order by:
// catalog order; by name (ignoring case); most stars first; latest push
// first. Sorting is stable, and projects whose health is not known come
// after those whose is, for stars and pushed.
func SortProjects(projects []int, c *Catalog, v *HealthView, by SortOrder) {
	switch by {
	case SortCatalog:
		slices.Sort(projects)
	case SortName:
		slices.SortStableFunc(projects, func(a, b int) int {
			return cmp.Compare(strings.ToLower(c.Projects[a].Name), strings.ToLower(c.Projects[b].Name))
		})
	case SortStars, SortPushed:
		slices.SortStableFunc(projects, func(a, b int) int {
			ha, hb := v.Of(a), v.Of(b)
			if ha == nil || hb == nil {
				return cmpKnown(ha != nil, hb != nil)
			}
			if by == SortStars {
				return cmp.Compare(hb.Stars, ha.Stars)
			}
			return hb.PushedAt.Compare(ha.PushedAt)
		})
	}
}

// cmpKnown orders the known before the unknown.
func cmpKnown(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}
