package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/data/fetch"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
	"github.com/upstream-tui/upstream-tui/ui"
	"github.com/upstream-tui/upstream-tui/ui/cli"
)

// rawServer answers every connection with the bytes answer holds, as a
// broken or hostile server would, then closes it. It reads the request's
// head first, unless the request is a TLS hello.
type rawServer struct {
	ln     net.Listener
	answer atomic.Pointer[string]
}

func newRawServer(tb testing.TB) *rawServer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	s := &rawServer{ln: ln}
	empty := ""
	s.answer.Store(&empty)
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				conn.SetDeadline(time.Now().Add(2 * time.Second))
				r := bufio.NewReader(conn)
				for first, err := r.Peek(1); err == nil && first[0] != 0x16; { // 0x16: TLS
					line, err := r.ReadString('\n')
					if err != nil || line == "\r\n" || line == "\n" {
						break
					}
				}
				conn.Write([]byte(*s.answer.Load()))
			}()
		}
	}()
	tb.Cleanup(func() { ln.Close() })
	return s
}

// client is an HTTP client with the catalog rules (fetch.NewHTTPClient)
// that reaches this server whatever the host asked for: a redirect
// anywhere stays on the machine.
func (s *rawServer) client() *http.Client {
	c := fetch.NewHTTPClient()
	c.Timeout = 3 * time.Second
	addr := s.ln.Addr().String()
	c.Transport = &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, "tcp", addr)
		},
		DisableKeepAlives: true,
	}
	return c
}

// maxFuzzArg bounds the fuzzed strings used as names and queries: the
// fuzzy search takes time with the square of a query's length.
const maxFuzzArg = 512

// FuzzCommandErrors runs the commands in-process (cli.Run with the real
// wiring but for the network) against a server whose status line,
// headers, redirect target and body are the fuzzer's, on a catalog file
// named and written by it, with a config file it writes and with its
// strings as names, queries, areas, formats and link kinds: nothing a
// terminal would act on reaches standard output or standard error, and
// standard error says each thing on a line of bounded length.
func FuzzCommandErrors(f *testing.F) {
	catalog := "| Project Area | Project |\n|---|---|\n| Runtime |\n| | [Moby](https://moby.example) |\n"
	for _, seed := range [][6]string{
		{"200 OK", "Content-Type: text/markdown", "", catalog, "catalog.md", ""},
		{"500 \x1b]0;TITLE\x07 \x1b]52;c;ZXZpbA==\x07", "X-A: b", "", "", "a\x1b]0;T\x07.md", "theme = \"dark\"\n"},
		{"503 \u009b2J\u009d0;T\u009c", "Retry-After: 1", "", "oops", "\u009b2J", "[keys]\n\"q\x1b[2J\" = \"x\"\n"},
		{"302 Found", "X: y", "javascript:\u009b2J\u0085alert(1)", "", "moby", "[keys]\nquit = \"\\u001b]0;T\\u0007\"\n"},
		{"301 Moved", "X: y", "http://127.0.0.1:1/\u009b2J\u009d0;T\u009c", "", "colour:\x1b]0;X\x07", strings.Repeat("k", 3000) + " = 1\n"},
		{"302 Found", "X: y", "https://evil.example/\x1b[2J", "", "has:\u0085", ""},
		{"200 OK", "Content-Length: 5000", "", catalog, "--help", "max_age = \"\x1b[2J\"\n"},
		{"200 OK", "X-Evil: \x1b]0;T\x07", "", "\x00binary\x1b[2J", "\xff\xfe", ""},
		{"2\x1b[2J0 OK", "", "", catalog, "a/b/../c", ""},
		{"200 OK", "Transfer-Encoding: chunked", "", "5\r\n| Pro\r\nZZ\r\n", "sub/dir.md", ""},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3], seed[4], seed[5])
	}
	srv := newRawServer(f)
	client := srv.client()
	// Not f.TempDir: a fuzz worker is killed before its cleanups run.
	dir, err := os.MkdirTemp(testHome, "fuzz")
	if err != nil {
		f.Fatal(err)
	}
	cache := filepath.Join(dir, "cache")
	configFile := filepath.Join(dir, "config.toml")
	url := "http://" + srv.ln.Addr().String() + "/catalog.md"
	base := deps(nil, nil)
	base.Catalogs = &data.Sources{Remote: fetch.Remote{CacheDir: cache, Client: client}}
	base.State = nil
	base.Opener = func(string) error { return nil }
	base.Browse = func(*model.Catalog, ui.Options) error { return nil }
	var n atomic.Int64
	f.Fuzz(func(t *testing.T, status, header, location, body, name, configText string) {
		name = inert.Cap(name, maxFuzzArg)
		raw := "HTTP/1.1 " + status + "\r\n" + header + "\r\n"
		if location != "" {
			raw += "Location: " + location + "\r\n"
		}
		raw += "Connection: close\r\n\r\n" + body
		srv.answer.Store(&raw)
		// The catalog file, named by the fuzzer where the name can be a
		// file's; else a file that is not there, by that name.
		file := filepath.Join(dir, fmt.Sprintf("f%d", n.Add(1)), name)
		if os.MkdirAll(filepath.Dir(file), 0o700) == nil {
			_ = os.WriteFile(file, []byte(body), 0o600)
		}
		if err := os.WriteFile(configFile, []byte(configText), 0o600); err != nil {
			t.Fatal(err)
		}
		_, settings := readConfig(configFile)
		for _, args := range [][]string{
			{"list", "--refresh", "--catalog", url},
			{"show", "moby", "--refresh", "--catalog", url},
			{"open", "moby", "--print", "--refresh", "--catalog", url},
			{"lint", url},
			{"lint", url + "/" + name},
			{"list", "-o", "markdown", "--catalog", file},
			{"lint", file},
			{"show", "-o", "json", name},
			{"list", "--area", name, "--", name},
			{"list", "-o", name},
			{"open", "moby", "--print", "--link", name},
			{"open", "--print", "--", name},
			{"--catalog", file, "--", name},
			{"completion", name},
			{name},
			{"list", name, "--" + name},
			{"__complete", "show", name},
		} {
			var stdout, stderr bytes.Buffer
			d := base
			d.Stdout, d.Stderr, d.Settings = &stdout, &stderr, settings
			cli.Run(args, d)
			out := stdout.String() + stderr.String()
			if !inert.IsClean(out) {
				t.Fatalf("%q wrote what a terminal would act on:\nstdout %q\nstderr %q", args, stdout.String(), stderr.String())
			}
			for l := range strings.Lines(stderr.String()) {
				if len(l) > 2100 {
					t.Fatalf("%q: a line of %d bytes on stderr: %.300q", args, len(l), l)
				}
			}
			if lines := strings.Count(stderr.String(), "\n"); lines > 3 {
				t.Fatalf("%q: %d lines on stderr: %q", args, lines, stderr.String())
			}
		}
	})
}
