package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/data/synth"
	"github.com/upstream-tui/upstream-tui/model"
)

func TestEmbeddedIsTheFile(t *testing.T) {
	c, err := LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("projects.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(Embedded()) != string(src) {
		t.Error("the embedded catalog differs from data/projects.md")
	}
	if len(c.Projects) != 18 || c.Origin != (model.Origin{Kind: model.OriginEmbedded, Name: EmbeddedName}) {
		t.Errorf("%d projects, origin %+v", len(c.Projects), c.Origin)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	noTable := write("prose.md", []byte("# Just prose\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"))
	binary := write("junk.bin", []byte("# ok\nline two\n\x00\x01\x02\xff"))
	latin1 := write("latin1.md", []byte("caf\xe9\n"))
	empty := write("empty.md", nil)
	for _, tc := range []struct {
		path, want string
	}{
		{noTable, noTable + ": no project table"},
		{binary, binary + ":3: not a Markdown catalog (binary data)"},
		{latin1, latin1 + ":1: not a Markdown catalog"},
		{empty, empty + ": no project table"},
		{filepath.Join(dir, "missing.md"), filepath.Join(dir, "missing.md") + ": no such file"},
		{dir, dir + ": is a directory"},
	} {
		_, err := LoadFile(tc.path)
		var pe *markdown.ParseError
		if err == nil || !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("LoadFile(%s) = %v, want %q…", tc.path, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("error is not one line: %q", err)
		}
	}
}

func TestLoadFileHead(t *testing.T) {
	var b bytes.Buffer
	if err := synth.Write(&b, 12, 20_000, 3); err != nil {
		t.Fatal(err)
	}
	prefix, ok := markdown.ParsePrefix("big.md", b.Bytes())
	if !ok {
		t.Fatal("no prefix")
	}
	path := t.TempDir() + "/big.md"
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, ok := loadFileHead(path); !ok || len(c.Projects) != len(prefix.Projects) {
		t.Errorf("loadFileHead: ok %v", ok)
	}
}

func TestIsURL(t *testing.T) {
	if !IsURL("HTTPS://x/y") || IsURL("./https.md") || IsURL("ftp://x/y") {
		t.Error("IsURL")
	}
}
