package main

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"github.com/upstream-tui/upstream-tui/data/synth"
)

// BenchmarkStartup runs the built binary in a pseudo-terminal that answers
// no query, and times it from exec to the first complete frame: the tab
// bar, the list and the rendered detail all on screen. Then it quits.
// "100k-whole" goes on: it types the name of the catalog's last project as
// a filter as soon as the first rows show, and times until that project's
// detail shows, that is until the whole catalog is read, indexed and
// searched.
func BenchmarkStartup(b *testing.B) {
	bin, err := binary()
	if err != nil {
		b.Fatal(err)
	}
	baseline, err := minimalBinary(b)
	if err != nil {
		b.Fatal(err)
	}
	big := writeSynthetic(b, 100_000)
	lastName, lastSlug := lastProject(b, big)
	landscapeFirst := [][]byte{[]byte("All "), []byte("Airship"), []byte("Maturity:")}
	firstRows := [][]byte{[]byte("All "), []byte("Open Kubelet a"), []byte("Maturity:"), []byte("loading…")}
	for _, tc := range []struct {
		name string
		bin  string // the app when empty
		args []string
		want [][]byte // all on screen in the first complete frame
		then string   // typed once want shows
		next [][]byte // what to wait for then
	}{
		{name: "embedded", want: [][]byte{[]byte("All 18"), []byte("AKS Engine"), []byte("Maturity:")}},
		// The whole CNCF Landscape (1.1 MB of YAML): its first frame
		// shows the first categories; then its last project is typed, as
		// for 100k-whole, until its detail shows.
		{name: "landscape", args: []string{"--catalog", landscapeFull}, want: landscapeFirst},
		{name: "landscape-whole", args: []string{"--catalog", landscapeFull}, want: landscapeFirst,
			then: "/TensorFlow Extended", next: [][]byte{[]byte("github.com/tensorflow/tfx")}},
		// The baseline of issue 5: a bubbles list and a glamour render.
		{name: "minimal-baseline", bin: baseline, args: []string{filepath.Join("data", "projects.md")},
			want: [][]byte{[]byte("44 items"), []byte("Detail")}},
		{name: "100k-first-rows", args: []string{"--catalog", big}, want: firstRows},
		// The slug is in the detail's links, never in what was typed.
		{name: "100k-whole", args: []string{"--catalog", big}, want: firstRows,
			then: "/" + lastName, next: [][]byte{[]byte("github.com/"), []byte(lastSlug)}},
		// Files about the sizes where a first view from the head once
		// began (over 4 MiB), its first rows or the whole.
		{name: "1MiB", args: []string{"--catalog", writeSyntheticBytes(b, 1<<20)}, want: firstRows[:3]},
		{name: "4MiB", args: []string{"--catalog", writeSyntheticBytes(b, 4<<20)}, want: firstRows[:3]},
		{name: "5MiB", args: []string{"--catalog", writeSyntheticBytes(b, 5<<20)}, want: firstRows[:3]},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var total time.Duration
			program := cmp.Or(tc.bin, bin)
			for b.Loop() {
				total += timeScreens(b, program, tc.args, tc.want, tc.then, tc.next)
			}
			b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms/frame")
		})
	}
}

// writeSyntheticBytes writes a synthetic catalog of at most size bytes,
// cut after the last row that fits.
func writeSyntheticBytes(b *testing.B, size int) string {
	var buf bytes.Buffer
	if err := synth.Write(&buf, 12, size/400, 1); err != nil { // more than fits
		b.Fatal(err)
	}
	src := buf.Bytes()[:size]
	path := filepath.Join(b.TempDir(), "catalog.md")
	if err := os.WriteFile(path, src[:bytes.LastIndexByte(src, '\n')+1], 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// landscapeFull is a copy of the CNCF Landscape's landscape.yml.
var landscapeFull = filepath.Join("testdata", "landscape-full.yml")

// minimalBinary builds testdata/minimal, a module of its own.
func minimalBinary(b *testing.B) (string, error) {
	bin := filepath.Join(b.TempDir(), "minimal")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = filepath.Join("testdata", "minimal")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build testdata/minimal: %v\n%s", err, out)
	}
	return bin, nil
}

// lastProject returns the name and slug of a synthetic catalog's last
// project, from the last row's "[Name](https://github.com/org/slug)".
func lastProject(b *testing.B, path string) (name, slug string) {
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	row := src[bytes.LastIndex(src, []byte("\n|  | [")):]
	name = string(row[len("\n|  | ["):bytes.IndexByte(row, ']')])
	url := row[bytes.IndexByte(row, '(')+1 : bytes.IndexByte(row, ')')]
	return name, string(url[bytes.LastIndexByte(url, '/')+1:])
}

// timeScreens starts the program in a 140x40 pseudo-terminal and returns
// how long its output took to show every wanted text, and then, when then
// is set, to show every next text after then is typed.
func timeScreens(b *testing.B, bin string, args []string, want [][]byte, then string, next [][]byte) time.Duration {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	start := time.Now()
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 140})
	if err != nil {
		b.Fatal(err)
	}
	defer tty.Close()
	var out []byte
	buf := make([]byte, 64<<10)
	for {
		n, err := tty.Read(buf)
		if err != nil {
			b.Fatalf("the program ended before its first frame: %v\n%s", err, ansi.Strip(string(out)))
		}
		out = append(out, buf[:n]...)
		if !all([]byte(ansi.Strip(string(out))), want) {
			continue
		}
		if then != "" {
			if _, err := tty.Write([]byte(then)); err != nil {
				b.Fatal(err)
			}
			want, then, out = next, "", nil
			continue
		}
		elapsed := time.Since(start)
		if _, err := tty.Write([]byte("\x03")); err != nil { // ctrl+c quits in any mode
			b.Fatal(err)
		}
		go func() { _, _ = bytesDrain(tty) }() // keep the program's output flowing until it exits
		if err := cmd.Wait(); err != nil {
			b.Fatal(err)
		}
		return elapsed
	}
}

func all(s []byte, parts [][]byte) bool {
	for _, p := range parts {
		if !bytes.Contains(s, p) {
			return false
		}
	}
	return true
}

func bytesDrain(f *os.File) (int64, error) {
	var discard bytes.Buffer
	return discard.ReadFrom(f)
}
