package github

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/upstream-tui/upstream-tui/data/disk"
	"github.com/upstream-tui/upstream-tui/model"
)

// The cache is a directory of one JSON file per repository, named by its
// lower-cased owner and name ("azure@aks-engine.json": '@' is in no
// GitHub name), written atomically. A file holds what was asked, the
// answer as model.Health holds it, and the ETags to revalidate it; never
// a token. A 304 rewrites nothing: the file's modification time is set
// to the revalidation's, and the checked time read back is the later of
// the recorded one and the file's time.

// cacheSubdir is the cache's directory under the program's cache
// directory.
const cacheSubdir = "github"

// maxRecord bounds a cache file: texts are capped (answer.go), so a
// record is a few KiB.
const maxRecord = 256 << 10

// record is a cache file.
type record struct {
	Repo        string       `json:"repo"`
	CheckedAt   time.Time    `json:"checked_at"`
	ETag        string       `json:"etag,omitempty"`
	ReleaseETag string       `json:"release_etag,omitempty"`
	Health      healthRecord `json:"health"`
}

// healthRecord is model.Health as the cache keeps it.
type healthRecord struct {
	MovedTo       string         `json:"moved_to,omitempty"`
	Missing       bool           `json:"missing,omitempty"`
	Archived      bool           `json:"archived,omitempty"`
	Description   string         `json:"description,omitempty"`
	Stars         int            `json:"stars"`
	Forks         int            `json:"forks"`
	OpenIssues    int            `json:"open_issues"`
	PushedAt      time.Time      `json:"pushed_at,omitzero"`
	LatestRelease *releaseRecord `json:"latest_release,omitempty"`
	License       string         `json:"license,omitempty"`
	Topics        []string       `json:"topics,omitempty"`
}

type releaseRecord struct {
	Tag         string    `json:"tag"`
	PublishedAt time.Time `json:"published_at,omitzero"`
}

// entry is a repository's cached answer as the source holds it.
type entry struct {
	health      model.Health
	etag        string
	releaseETag string
}

// cacheFile is where repo's answer is kept.
func cacheFile(dir string, repo model.Repo) string {
	return filepath.Join(dir, cacheSubdir, strings.ToLower(repo.Owner)+"@"+strings.ToLower(repo.Name)+".json")
}

// fileName is s (a host and port) fit for a file's name.
func fileName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '.' || r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, strings.ToLower(s))
}

// listEntries returns the keys (model.Repo.Key) of the repositories the
// cache directory holds files for.
func listEntries(dir string) map[string]bool {
	keys := map[string]bool{}
	if dir == "" {
		return keys
	}
	files, _ := os.ReadDir(filepath.Join(dir, cacheSubdir))
	for _, f := range files {
		if name, ok := strings.CutSuffix(f.Name(), ".json"); ok {
			keys[strings.Replace(name, "@", "/", 1)] = true
		}
	}
	return keys
}

// readEntry reads repo's cache file; ok is false when there is none, or
// it cannot be used (not a regular file, too large, not JSON, another
// repository's). What it holds is made inert again: the file is outside
// the program.
func readEntry(dir string, repo model.Repo) (entry, bool) {
	if dir == "" {
		return entry{}, false
	}
	path := cacheFile(dir, repo)
	raw, err := disk.ReadRegular(path, maxRecord, "a cache record")
	if err != nil {
		return entry{}, false
	}
	var r record
	if json.Unmarshal(raw, &r) != nil || !strings.EqualFold(r.Repo, repo.String()) || r.CheckedAt.IsZero() {
		return entry{}, false
	}
	e := entry{etag: validETag(r.ETag), releaseETag: validETag(r.ReleaseETag)}
	h := r.Health
	e.health = model.Health{
		Repo: repo, Missing: h.Missing, Archived: h.Archived,
		Description: cleanText(h.Description, maxDescription),
		Stars:       max(h.Stars, 0), Forks: max(h.Forks, 0), OpenIssues: max(h.OpenIssues, 0),
		PushedAt:  h.PushedAt,
		License:   cleanText(h.License, maxName),
		Topics:    cleanTopics(h.Topics),
		CheckedAt: r.CheckedAt,
	}
	if h.MovedTo != "" {
		e.health.MovedTo, _ = repoOfFullName(h.MovedTo)
	}
	if h.LatestRelease != nil {
		e.health.LatestRelease = &model.Release{Tag: cleanText(h.LatestRelease.Tag, maxName), PublishedAt: h.LatestRelease.PublishedAt}
	}
	if st, err := os.Stat(path); err == nil && st.ModTime().After(e.health.CheckedAt) {
		e.health.CheckedAt = st.ModTime() // revalidated by a 304
	}
	return e, true
}

// writeEntry keeps e as repo's cache file, atomically.
func writeEntry(dir string, e entry) error {
	if dir == "" {
		return nil
	}
	h := e.health
	r := record{
		Repo: h.Repo.String(), CheckedAt: h.CheckedAt, ETag: e.etag, ReleaseETag: e.releaseETag,
		Health: healthRecord{
			MovedTo: h.MovedTo.String(), Missing: h.Missing, Archived: h.Archived,
			Description: h.Description, Stars: h.Stars, Forks: h.Forks, OpenIssues: h.OpenIssues,
			PushedAt: h.PushedAt, License: h.License, Topics: h.Topics,
		},
	}
	if rel := h.LatestRelease; rel != nil {
		r.Health.LatestRelease = &releaseRecord{Tag: rel.Tag, PublishedAt: rel.PublishedAt}
	}
	raw, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	path := cacheFile(dir, h.Repo)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := writeFile(path, append(raw, '\n')); err != nil {
		return err
	}
	// The file's time is the check's, as a 304 would set it.
	return os.Chtimes(path, h.CheckedAt, h.CheckedAt)
}

// touchEntry records a revalidation (a 304) in the file's modification
// time, leaving its bytes as they are.
func touchEntry(dir string, repo model.Repo, at time.Time) error {
	if dir == "" {
		return nil
	}
	err := os.Chtimes(cacheFile(dir, repo), at, at)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// writeFile writes a cache file; tests replace it to inject a failure.
var writeFile = disk.WriteAtomic
