package cli

import (
	"context"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
)

// maxAgeHealth is a health source held to --max-age: a cached answer
// younger than maxAge is the answer, an older one is asked for again,
// whatever max age the source was made with (the config's, before the
// flags were read). The app and lint --online check through it; health
// reads --max-age itself (checkAll).
type maxAgeHealth struct {
	model.HealthSource
	maxAge time.Duration
	now    func() time.Time
}

// withMaxAge returns src held to --max-age; nil for a nil src.
func (a *app) withMaxAge(src model.HealthSource) model.HealthSource {
	if src == nil {
		return nil
	}
	return maxAgeHealth{HealthSource: src, maxAge: max(a.maxAge, 0), now: time.Now}
}

// Check returns the cached answer when it is younger than the max age and
// refresh is false; else it asks the source to revalidate.
func (s maxAgeHealth) Check(ctx context.Context, r model.Repo, refresh bool) (model.Health, error) {
	if !refresh {
		if h, ok := s.Cached(r); ok && s.now().Sub(h.CheckedAt) < s.maxAge {
			return h, nil
		}
	}
	return s.HealthSource.Check(ctx, r, true)
}
