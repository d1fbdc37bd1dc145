package data

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/upstream-tui/upstream-tui/data/fetch"
	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// IsURL reports whether a catalog source names a URL rather than a file.
func IsURL(source string) bool {
	s := strings.ToLower(source)
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// Sources loads catalogs by the name the user gives (--catalog, or
// UPSTREAM_TUI_CATALOG): "" for the embedded catalog, an https:// URL
// (http:// for loopback hosts) through the cache, or a file path.
type Sources struct {
	// Remote reads URLs; its Embedded, when nil, is LoadEmbedded, its
	// Parse, when nil, is the reader chosen for the URL (parseURL), and
	// its FirstView, when nil, the first view of a large cached copy
	// (cachedHead).
	Remote fetch.Remote
	// BeforeFile, when set, is called with a file's path before it is read.
	BeforeFile func(path string)
	// ReloadTimeout bounds how long Reload waits for a file; 0:
	// DefaultReloadTimeout.
	ReloadTimeout time.Duration

	mu sync.Mutex
	// partial holds the sources whose first view Quick gave and which
	// have not been read whole since: a file's rows must not outlive a
	// failed read, and a URL's Reload reads the cached copy whole while it
	// is younger than the max age held here, as Quick was told.
	partial map[string]time.Duration
}

// DefaultReloadTimeout is how long Reload waits for a file before it
// gives up: the largest catalog allowed (128 MiB) reads in about 2 s.
const DefaultReloadTimeout = 10 * time.Second

// Load returns the catalog a command works on. A URL is downloaded when
// its cached copy is maxAge old (0: always); when that fails, the cached
// copy or the embedded catalog is returned, with Origin.Notice saying so,
// and no error. What it returns is whole: a first view that Quick gave
// before is forgotten.
func (s *Sources) Load(ctx context.Context, source string, maxAge time.Duration) (cat *model.Catalog, err error) {
	switch {
	case source == "":
		return LoadEmbedded()
	case IsURL(source):
		cat, err = s.remote().Load(ctx, source, maxAge)
	default:
		cat, err = s.loadFile(source)
	}
	if err == nil {
		s.setPartial(source, false, 0)
	}
	return cat, err
}

// Quick returns at once, without the network, what the app shows first:
// a URL's cached copy (or the embedded catalog), or the first rows of a
// large file or cached copy. more is set when Reload should follow in the
// background: the copy is maxAge old (0: always), or the file or copy is
// not read whole.
func (s *Sources) Quick(source string, maxAge time.Duration) (cat *model.Catalog, more bool, err error) {
	switch {
	case source == "":
		cat, err = LoadEmbedded()
		return cat, false, err
	case IsURL(source):
		cat, stale, whole, err := s.remote().Quick(source, maxAge)
		if err == nil && !whole {
			s.setPartial(source, true, maxAge)
		}
		return cat, stale || !whole, err
	}
	if s.BeforeFile != nil {
		s.BeforeFile(source)
	}
	if first, ok := loadFileHead(source); ok {
		first.Origin = fileOrigin(source)
		s.setPartial(source, true, 0)
		return first, true, nil
	}
	cat, err = s.loadFile(source)
	return cat, false, err
}

// Reload reads a source again: a URL from the network whatever the
// cache's age (falling back as Load does), a file from disk (an error says
// why it could not be read). A file not read within ReloadTimeout is
// given up, with an error that says so, so that the app is never left
// waiting. When the catalog shown is a file's first rows (Quick) and the
// whole cannot be read, Reload returns a catalog with no project and a
// notice saying why: those rows are not the catalog and must not be kept
// as if they were. When it is a cached copy's first rows, Reload is Load
// with the max age Quick had: the whole copy while it is that young, with
// no request, else a download, and never those rows.
func (s *Sources) Reload(ctx context.Context, source string) (*model.Catalog, error) {
	switch {
	case source == "":
		return LoadEmbedded()
	case IsURL(source):
		maxAge, _ := s.partialAge(source) // 0 but after a first view
		return s.Load(ctx, source, maxAge)
	}
	cat, err := s.loadFileWithin(ctx, source)
	if err == nil {
		s.setPartial(source, false, 0)
		return cat, nil
	}
	if _, partial := s.partialAge(source); !partial {
		return nil, err
	}
	return &model.Catalog{Origin: model.Origin{
		Kind:   model.OriginFile,
		Name:   source,
		Notice: err.Error() + "; none of the file is shown, as it cannot be read whole",
	}}, nil
}

// loadFileWithin reads a file, giving up after the reload timeout or when
// ctx ends. A read given up goes on in the background until the system
// call returns; its result is dropped.
func (s *Sources) loadFileWithin(ctx context.Context, path string) (*model.Catalog, error) {
	timeout := s.ReloadTimeout
	if timeout <= 0 {
		timeout = DefaultReloadTimeout
	}
	type result struct {
		cat *model.Catalog
		err error
	}
	done := make(chan result, 1)
	go func() {
		cat, err := s.loadFile(path)
		done <- result{cat, err}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.cat, r.err
	case <-ctx.Done():
		return nil, &markdown.ParseError{File: inert.Escape(path), Msg: "reading cancelled"}
	case <-timer.C:
		return nil, &markdown.ParseError{File: inert.Escape(path), Msg: fmt.Sprintf("not read within %s; gave up", seconds(timeout))}
	}
}

// seconds writes a duration as people read it in a message: "10 s".
func seconds(d time.Duration) string {
	if d >= time.Second && d%time.Second == 0 {
		return fmt.Sprintf("%d s", d/time.Second)
	}
	return d.String()
}

// setPartial records whether the catalog shown for a source is its first
// view, and for a URL the max age Quick had.
func (s *Sources) setPartial(source string, partial bool, maxAge time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.partial == nil {
		s.partial = map[string]time.Duration{}
	}
	if partial {
		s.partial[source] = maxAge
	} else {
		delete(s.partial, source)
	}
}

// partialAge says whether the catalog shown for a source is its first
// view (partial), and the max age Quick had (0 for a file or none).
func (s *Sources) partialAge(source string) (maxAge time.Duration, partial bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	maxAge, partial = s.partial[source]
	return maxAge, partial
}

// Stamp identifies the version of a file on disk, so that a change can be
// noticed; "" for the embedded catalog, URLs and files that cannot be read.
func (s *Sources) Stamp(source string) string {
	if source == "" || IsURL(source) {
		return ""
	}
	st, err := os.Stat(source)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d %d %v", st.Size(), st.ModTime().UnixNano(), st.Mode())
}

// Lint lints a source and names it for the findings. A URL is linted as
// downloaded now; when it cannot be, that is the error.
func (s *Sources) Lint(ctx context.Context, source string) (string, []model.Finding, error) {
	switch {
	case source == "":
		return EmbeddedName, LintEmbedded(), nil
	case IsURL(source):
		body, err := s.remote().Download(ctx, source)
		if err != nil {
			return source, nil, err
		}
		return source, lintCatalog(source, body), nil
	}
	fs, err := LintFile(source)
	return source, fs, err
}

func (s *Sources) loadFile(path string) (*model.Catalog, error) {
	if s.BeforeFile != nil {
		s.BeforeFile(path)
	}
	cat, err := LoadFile(path)
	if err != nil {
		return nil, err
	}
	cat.Origin = fileOrigin(path)
	return cat, nil
}

func fileOrigin(path string) model.Origin {
	return model.Origin{Kind: model.OriginFile, Name: path}
}

// remote is s.Remote, falling back to the embedded catalog and reading
// what it downloads with the reader data chooses.
func (s *Sources) remote() *fetch.Remote {
	r := s.Remote
	if r.Embedded == nil {
		r.Embedded = LoadEmbedded
	}
	if r.Parse == nil {
		r.Parse = parseURL
	}
	if r.FirstView == nil {
		r.FirstView = cachedHead
	}
	return &r
}

// parseURL reads a catalog downloaded from a URL, in the format its
// content says (parseCatalog). A catalog with no project is refused, so
// that a page that is no catalog (a sign-in page) never replaces a cached
// copy.
func parseURL(url string, body []byte) (*model.Catalog, error) {
	cat, err := parseCatalog(url, body)
	if err != nil {
		return nil, err
	}
	if len(cat.Projects) == 0 {
		return nil, &markdown.ParseError{File: url, Msg: "the project table holds no project"}
	}
	return cat, nil
}
