package data

import (
	_ "embed"
	"errors"
	"io"
	"io/fs"
	"os"

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
	cat, err := Parse(EmbeddedName, embedded)
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
	return Parse(path, src)
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
	if err != nil || st.Size() <= 4*prefixBytes {
		return nil, false
	}
	head := make([]byte, prefixBytes)
	n, _ := io.ReadFull(f, head)
	return parsePrefix(path, head[:n])
}

func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &ParseError{File: path, Msg: describe(err)}
	}
	if st.IsDir() {
		return nil, &ParseError{File: path, Msg: "is a directory, not a catalog file"}
	}
	if st.Size() > maxFileSize {
		return nil, &ParseError{File: path, Msg: "too large for a catalog (over 128 MiB)"}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, &ParseError{File: path, Msg: describe(err)}
	}
	return src, nil
}

// describe turns a file error into a short reason without repeating the path.
func describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
