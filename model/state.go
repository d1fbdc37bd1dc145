package model

import (
	"slices"
	"time"
)

// State is what the app remembers between runs: the projects whose links
// were opened, most recent first, and the last area tab.
type State struct {
	Recents []Recent `json:"recents"`
	// LastTab is the area name of the tab shown at the end; empty for All.
	LastTab string `json:"last_tab"`
}

// Recent is a project whose link was opened.
type Recent struct {
	Project string    `json:"project"`
	Opened  time.Time `json:"opened"`
}

// maxRecents bounds how many opened projects are remembered.
const maxRecents = 50

// Opened records that a project's link was opened at t: the project moves
// to the front.
func (s *State) Opened(project string, t time.Time) {
	s.Recents = slices.DeleteFunc(s.Recents, func(r Recent) bool { return r.Project == project })
	s.Recents = slices.Insert(s.Recents, 0, Recent{Project: project, Opened: t})
	if len(s.Recents) > maxRecents {
		s.Recents = s.Recents[:maxRecents]
	}
}

// RecentProjects returns the catalog's projects that were opened, most
// recent first, with when; names the catalog no longer holds are skipped.
func (s *State) RecentProjects(c *Catalog) (projects []int, opened []time.Time) {
	at := make(map[string]int, len(c.Projects))
	for i := len(c.Projects) - 1; i >= 0; i-- {
		at[c.Projects[i].Name] = i // the first of equal names
	}
	for _, r := range s.Recents {
		if i, ok := at[r.Project]; ok && !slices.Contains(projects, i) {
			projects = append(projects, i)
			opened = append(opened, r.Opened)
		}
	}
	return projects, opened
}
