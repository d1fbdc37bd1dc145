package cli

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui"
)

// ownAgeHealth is a source with a max age of its own (24h), as
// data/github's Source is made with the config's: a check without refresh
// answers from a cache younger than that; asks counts the others.
type ownAgeHealth struct {
	cached model.Health
	asks   int
}

func (s *ownAgeHealth) Cached(model.Repo) (model.Health, bool) { return s.cached, true }

func (s *ownAgeHealth) Check(_ context.Context, r model.Repo, refresh bool) (model.Health, error) {
	if !refresh && time.Since(s.cached.CheckedAt) < 24*time.Hour {
		return s.cached, nil
	}
	s.asks++
	return model.Health{Repo: r, CheckedAt: time.Now()}, nil
}

// TestMaxAgeReachesHealth: --max-age holds the app's checks (and lint
// --online's, which take the same source) to its age, not to the age the
// source was made with before the flags were read: an answer two hours
// old is asked for again under --max-age 1h, and kept under the default.
func TestMaxAgeReachesHealth(t *testing.T) {
	repo := model.Repo{Owner: "moby", Name: "moby"}
	for _, tc := range []struct {
		args []string
		asks int
	}{
		{[]string{"--max-age", "1h"}, 1},
		{nil, 0},
	} {
		src := &ownAgeHealth{cached: model.Health{Repo: repo, CheckedAt: time.Now().Add(-2 * time.Hour)}}
		var got model.HealthSource
		d := Deps{
			Stdout: io.Discard, Stderr: io.Discard, Catalogs: oneCatalog{&model.Catalog{Projects: []model.Project{project("Moby", "https://github.com/moby/moby")}}},
			Terminal: func(io.Writer) (int, bool) { return 80, true },
			Health:   src,
			Browse: func(_ *model.Catalog, opts ui.Options) error {
				got = opts.Health
				return nil
			},
		}
		if status := Run(tc.args, d); status != 0 || got == nil {
			t.Fatalf("%v: status %d, health %v", tc.args, status, got)
		}
		if _, err := got.Check(context.Background(), repo, false); err != nil {
			t.Fatal(err)
		}
		if src.asks != tc.asks {
			t.Errorf("%v: %d requests for an answer 2h old, want %d", tc.args, src.asks, tc.asks)
		}
	}
}
