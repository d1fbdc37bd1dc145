package main

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// BenchmarkStartup runs the built binary in a pseudo-terminal that answers
// no query, and times it from exec to the first complete frame: the tab
// bar, the list and the rendered detail all on screen. Then it quits.
func BenchmarkStartup(b *testing.B) {
	bin, err := binary()
	if err != nil {
		b.Fatal(err)
	}
	big := writeSynthetic(b, 100_000)
	for _, tc := range []struct {
		name string
		args []string
		want [][]byte // all on screen in the first complete frame
	}{
		{"embedded", nil, [][]byte{[]byte("All 18"), []byte("AKS Engine"), []byte("Maturity:")}},
		// The first rows, while the rest loads: the whole arrives later by
		// changed cells only, which no text in the stream can mark; its
		// cost is BenchmarkParse's (./data).
		{"100k-first-rows", []string{"--catalog", big}, [][]byte{[]byte("All "), []byte("Open Kubelet a"), []byte("Maturity:"), []byte("loading…")}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var total time.Duration
			for b.Loop() {
				total += firstFrame(b, bin, tc.args, tc.want)
			}
			b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms/frame")
		})
	}
}

// firstFrame starts the program in a 140x40 pseudo-terminal and returns how
// long its output took to show every wanted text.
func firstFrame(b *testing.B, bin string, args []string, want [][]byte) time.Duration {
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
		plain := []byte(ansi.Strip(string(out)))
		if all(plain, want) {
			elapsed := time.Since(start)
			if _, err := tty.Write([]byte("q")); err != nil {
				b.Fatal(err)
			}
			go func() { _, _ = bytesDrain(tty) }() // keep the program's output flowing until it exits
			if err := cmd.Wait(); err != nil {
				b.Fatal(err)
			}
			return elapsed
		}
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
