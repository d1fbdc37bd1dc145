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

// headReaders are the formats' first views of a large file (Sources.Quick),
// tried in turn: each says no (ok false) to a file not in its format or
// small enough to read whole at once.
var headReaders = []func(path string) (*model.Catalog, bool){LoadLandscapePrefix, LoadFilePrefix}

// loadFileHead is the first view of a large catalog file, from the first
// head reader that has one.
func loadFileHead(path string) (*model.Catalog, bool) {
	for _, head := range headReaders {
		if c, ok := head(path); ok {
			return c, true
		}
	}
	return nil, false
}

// landscapeWholeAtOnce is the largest landscape file Quick reads whole: a
// parse of about 15 ms.
const landscapeWholeAtOnce = 256 << 10

// LoadLandscapePrefix reads the first projects of a large landscape
// file (landscape.ParseHead), for a first frame while LoadFile reads the
// whole; ok is false for a small file, one in another format, or one too
// large to read whole.
func LoadLandscapePrefix(path string) (*model.Catalog, bool) {
	f, err := disk.OpenRegular(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() <= landscapeWholeAtOnce || st.Size() > maxFileSize {
		return nil, false
	}
	head := make([]byte, landscape.HeadBytes)
	n, _ := io.ReadFull(f, head)
	if !landscape.Is(head[:n]) {
		return nil, false
	}
	return landscape.ParseHead(path, head[:n])
}
