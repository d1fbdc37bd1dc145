package data

import (
	"bytes"
	_ "embed"
	"errors"

	"github.com/upstream-tui/upstream-tui/data/disk"
	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/data/synth"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// EmbeddedName is how the embedded catalog is named in messages and lint
// findings (FILE:LINE: ...), as the file it was copied from.
const EmbeddedName = "projects.md"

// maxFileSize bounds what a catalog file may hold; the real list is 10 KiB.
const maxFileSize = 128 << 20

//go:embed projects.md
var embedded []byte

// Embedded returns the raw Markdown of the catalog built into the binary.
func Embedded() []byte { return embedded }

// LoadEmbedded parses the catalog built into the binary.
func LoadEmbedded() (*model.Catalog, error) {
	cat, err := markdown.Parse(EmbeddedName, embedded)
	if err != nil {
		return nil, err
	}
	cat.Origin = model.Origin{Kind: model.OriginEmbedded, Name: EmbeddedName}
	return cat, nil
}

// LoadFile reads and parses a catalog file, in the format its content
// says (parseCatalog).
func LoadFile(path string) (*model.Catalog, error) {
	src, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return parseCatalog(path, src)
}

// QuickBytes (32 KiB) is the largest catalog, file or cached copy of a
// URL, that Quick parses whole before the first frame, in a few
// milliseconds whatever it holds: a larger one shows a first view from
// its head (firstViewOf) while Reload reads the whole.
const QuickBytes = markdown.PrefixBytes

// readFile reads a whole catalog file: only a regular file (a FIFO would
// hang, /dev/zero never end), and never more than maxFileSize bytes,
// whatever the file says its size is.
func readFile(path string) ([]byte, error) {
	src, err := disk.ReadRegular(path, maxFileSize, "a catalog")
	if err == nil {
		return src, nil
	}
	// The name is the user's, but it may have come from anywhere (a
	// script, a config): it is echoed inert.
	name, msg := inert.Escape(path), disk.Reason(err)
	switch {
	case errors.Is(err, disk.ErrIsDir):
		msg = "is a directory, not a catalog file"
	case errors.As(err, new(*disk.TooLargeError)):
		msg = "too large for a catalog (over 128 MiB)"
	}
	return nil, &markdown.ParseError{File: name, Msg: msg}
}

// LintFile reads a catalog file and lints it, in the format its content
// says.
func LintFile(path string) ([]model.Finding, error) {
	src, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return lintCatalog(path, src), nil
}

// LintEmbedded lints the catalog built into the binary.
func LintEmbedded() []model.Finding {
	return markdown.Lint(EmbeddedName, embedded)
}

// SyntheticCatalog writes a synthetic catalog (synth.Write) and parses
// it, for tests and benchmarks that want a large catalog in memory.
func SyntheticCatalog(areas, projects int, seed uint64) (*model.Catalog, error) {
	var b bytes.Buffer
	if err := synth.Write(&b, areas, projects, seed); err != nil {
		return nil, err
	}
	return markdown.Parse("synthetic.md", b.Bytes())
}
