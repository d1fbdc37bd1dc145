package data

import (
	"io"

	"github.com/upstream-tui/upstream-tui/data/disk"
	"github.com/upstream-tui/upstream-tui/data/landscape"
	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/model"
)

// The catalog formats data reads, chosen by content whatever the name of
// the file or URL: the CNCF Landscape's landscape.yml (landscape.Is),
// else the upstream Markdown format.

// parseCatalog reads a catalog in the format its content says; name names
// it in errors.
func parseCatalog(name string, src []byte) (*model.Catalog, error) {
	if landscape.Is(src) {
		return landscape.Parse(name, src)
	}
	return markdown.Parse(name, src)
}

// lintCatalog lints a catalog in the format its content says.
func lintCatalog(name string, src []byte) []model.Finding {
	if landscape.Is(src) {
		return landscape.Lint(name, src)
	}
	return markdown.Lint(name, src)
}

// urlSpans is where the format of src writes URLs on a line, for lint
// --fix to rewrite them in place.
func urlSpans(src []byte) func(line []byte) [][2]int {
	if landscape.Is(src) {
		return landscape.URLSpans
	}
	return markdown.URLSpans
}

// headReaders are the formats' first views of a large catalog
// (Sources.Quick), tried in turn on its size and its head, the first
// QuickBytes: each says no (ok false) to a catalog not in its format or
// small enough to read whole at once.
var headReaders = []func(name string, size int64, head []byte) (*model.Catalog, bool){landscapeHead, markdownHead}

// firstViewOf is the first view of a large catalog of size bytes, from
// head, its first QuickBytes (all of them that could be read), by the
// first head reader that has one. A catalog too large to read whole has
// none: the read that follows would fail, and the rows shown would pass
// for the catalog.
func firstViewOf(name string, size int64, head []byte) (*model.Catalog, bool) {
	if size > maxFileSize {
		return nil, false
	}
	for _, read := range headReaders {
		if c, ok := read(name, size, head); ok {
			return c, true
		}
	}
	return nil, false
}

// loadFileHead is the first view of a large catalog file (firstViewOf).
func loadFileHead(path string) (*model.Catalog, bool) {
	f, err := disk.OpenRegular(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() <= QuickBytes {
		return nil, false
	}
	head := make([]byte, QuickBytes)
	n, _ := io.ReadFull(f, head)
	return firstViewOf(path, st.Size(), head[:n])
}

// cachedHead is the first view of a large cached copy of a URL
// (firstViewOf), for fetch.Remote.FirstView.
func cachedHead(url string, body []byte) (*model.Catalog, bool) {
	return firstViewOf(url, int64(len(body)), body[:min(len(body), QuickBytes)])
}

// markdownHead reads the first rows of a Markdown catalog larger than
// QuickBytes (markdown.ParseHead).
func markdownHead(name string, size int64, head []byte) (*model.Catalog, bool) {
	if size <= QuickBytes {
		return nil, false
	}
	return markdown.ParseHead(name, head)
}

// landscapeWholeAtOnce is the largest landscape file Quick reads whole: a
// parse of about 15 ms.
const landscapeWholeAtOnce = 256 << 10

// landscapeHead reads the first projects of a large landscape file
// (landscape.ParseHead) from its first landscape.HeadBytes.
func landscapeHead(name string, size int64, head []byte) (*model.Catalog, bool) {
	head = head[:min(len(head), landscape.HeadBytes)]
	if size <= landscapeWholeAtOnce || !landscape.Is(head) {
		return nil, false
	}
	return landscape.ParseHead(name, head)
}
