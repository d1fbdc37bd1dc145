package data

import (
	"bytes"
	_ "embed"
	"io"
	"os"

	"github.com/upstream-tui/upstream-tui/data/disk"
	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/data/synth"
	"github.com/upstream-tui/upstream-tui/model"
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

// LoadFile reads and parses a catalog file.
func LoadFile(path string) (*model.Catalog, error) {
	src, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return markdown.Parse(path, src)
}

// LoadFilePrefix reads the first rows of a large catalog file, for a first
// frame while LoadFile reads the whole; ok is false when the file is small
// (LoadFile is quick) or the prefix does not parse.
func LoadFilePrefix(path string) (*model.Catalog, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() <= 4*markdown.PrefixBytes {
		return nil, false
	}
	head := make([]byte, markdown.PrefixBytes)
	n, _ := io.ReadFull(f, head)
	return markdown.ParseHead(path, head[:n])
}

func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &markdown.ParseError{File: path, Msg: disk.Reason(err)}
	}
	if st.IsDir() {
		return nil, &markdown.ParseError{File: path, Msg: "is a directory, not a catalog file"}
	}
	if st.Size() > maxFileSize {
		return nil, &markdown.ParseError{File: path, Msg: "too large for a catalog (over 128 MiB)"}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, &markdown.ParseError{File: path, Msg: disk.Reason(err)}
	}
	return src, nil
}

// LintFile reads a catalog file and lints it.
func LintFile(path string) ([]model.Finding, error) {
	src, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return markdown.Lint(path, src), nil
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
