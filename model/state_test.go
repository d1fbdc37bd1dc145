package model

import (
	"fmt"
	"testing"
	"time"
)

func TestStateOpened(t *testing.T) {
	var s State
	t0 := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	s.Opened("Moby", t0)
	s.Opened("Helm", t0.Add(time.Hour))
	s.Opened("Moby", t0.Add(2*time.Hour))
	if len(s.Recents) != 2 || s.Recents[0].Project != "Moby" || !s.Recents[0].Opened.Equal(t0.Add(2*time.Hour)) {
		t.Errorf("recents %+v", s.Recents)
	}
	for i := range 60 {
		s.Opened(fmt.Sprint("p", i), t0)
	}
	if len(s.Recents) != maxRecents || s.Recents[0].Project != "p59" {
		t.Errorf("%d recents, first %q", len(s.Recents), s.Recents[0].Project)
	}
	c := &Catalog{Projects: []Project{{Name: "p58"}, {Name: "Gone?"}, {Name: "p59"}}}
	ps, at := s.RecentProjects(c)
	if fmt.Sprint(ps) != "[2 0]" || len(at) != 2 {
		t.Errorf("recent projects %v", ps)
	}
}
