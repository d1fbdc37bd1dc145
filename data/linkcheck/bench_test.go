package linkcheck

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/data/synth"
	"github.com/upstream-tui/upstream-tui/model"
)

// BenchmarkCheck: the checker's own cost per link, against a local
// server that answers at once, 50 hosts, no pause.
func BenchmarkCheck(b *testing.B) {
	s := newServer(b, func(*server, http.ResponseWriter, *http.Request) {})
	var links []Link
	for i := range 1000 {
		links = append(links, Link{Line: i + 1, URL: fmt.Sprintf("https://h%d.test/p%d", i%50, i)})
	}
	c := &Checker{Client: NewClient(RouteTo(s.Listener.Addr().String())), Pause: -1}
	b.ResetTimer()
	for b.Loop() {
		if fs := c.Check(context.Background(), links); len(fs) != 0 {
			b.Fatal(fs[0].Message)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(links))/1e3, "µs/link")
}

// BenchmarkFixAndDiff: fixing every link of a 100,000-project catalog
// file (about 50 MB) and diffing it.
func BenchmarkFixAndDiff(b *testing.B) {
	var buf bytes.Buffer
	if err := synth.Write(&buf, 50, 100_000, 1); err != nil {
		b.Fatal(err)
	}
	src := buf.Bytes()
	var fs []model.LinkFinding
	for n, l := range lines(src) {
		line := src[l.start:l.end]
		for _, sp := range markdown.URLSpans(line) {
			url := string(line[sp[0]:sp[1]])
			fs = append(fs, fixOn(n+1, url, url+"/moved"))
		}
	}
	b.Logf("%d MB, %d fixes", len(src)>>20, len(fs))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		fixed, _ := Apply(src, fs, nil)
		if Diff("f", src, fixed) == "" {
			b.Fatal("no diff")
		}
	}
}
