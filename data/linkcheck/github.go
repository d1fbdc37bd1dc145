package linkcheck

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"sync"

	"github.com/upstream-tui/upstream-tui/model"
)

// repoCall is the health source's answer for one repository, asked once
// for every link into it.
type repoCall struct {
	once sync.Once
	h    model.Health
	err  error
}

// health asks the health source about repo, once per run.
func (r *run) health(ctx context.Context, repo model.Repo) (model.Health, error) {
	r.mu.Lock()
	call := r.repos[repo.Key()]
	if call == nil {
		call = &repoCall{}
		r.repos[repo.Key()] = call
	}
	r.mu.Unlock()
	call.once.Do(func() {
		call.h, call.err = r.c.Health.Check(ctx, repo, false)
		if refused(call.err) && r.c.HealthRefused != nil {
			r.refused.Do(func() { r.c.HealthRefused(call.err) })
		}
	})
	return call.h, call.err
}

// refused reports whether err is the health source refusing for a
// reason the user should hear of: a rate limit, or GitHub unreachable.
func refused(err error) bool {
	_, offline := errors.AsType[*model.OfflineError](err)
	return offline || model.IsRateLimit(err)
}

// intoFiles reports whether a GitHub link leads into the repository's
// files (tree/..., blob/...), which can vanish while the repository
// lives on: such a link is requested too.
func intoFiles(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || !strings.EqualFold(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."), "github.com") {
		return false
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	return len(parts) > 3 && (parts[2] == "tree" || parts[2] == "blob" || parts[2] == "raw")
}

// movedURL is raw with the repository it names replaced by to:
// github.com/deislabs/smi-spec/issues becomes
// github.com/servicemeshinterface/smi-spec/issues. ok is false for a
// link that does not name the repository by its owner and name (a
// sigs.k8s.io link) or that cannot be rewritten cleanly.
func movedURL(raw string, to model.Repo) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil || u.RawPath != "" {
		return "", false
	}
	if h := strings.ToLower(u.Hostname()); h != "github.com" && h != "www.github.com" {
		return "", false
	}
	lead := strings.HasPrefix(u.Path, "/")
	parts := strings.Split(strings.TrimPrefix(u.Path, "/"), "/")
	if len(parts) < 2 {
		return "", false
	}
	name := to.Name
	if strings.HasSuffix(parts[1], ".git") {
		name += ".git"
	}
	parts[0], parts[1] = to.Owner, name
	u.Path = strings.Join(parts, "/")
	if lead {
		u.Path = "/" + u.Path
	}
	fixed := u.String()
	if got, ok := model.RepoOfURL(fixed); !ok || got.Key() != to.Key() {
		return "", false
	}
	return fixed, true
}
