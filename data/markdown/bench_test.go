package markdown_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/data/synth"
)

// embedded returns the Markdown of the catalog that data embeds.
func embedded() []byte {
	b, err := os.ReadFile(filepath.Join("..", "projects.md"))
	if err != nil {
		panic(err)
	}
	return b
}

// synthetic caches generated catalogs across benchmarks.
var synthetic = sync.OnceValue(func() map[int][]byte {
	out := map[int][]byte{}
	for _, n := range []int{10_000, 100_000} {
		var b bytes.Buffer
		if err := synth.Write(&b, 12, n, 1); err != nil {
			panic(err)
		}
		out[n] = b.Bytes()
	}
	return out
})

// BenchmarkParse parses the embedded catalog and synthetic ones of 10,000
// and 100,000 projects (about 5 and 50 MB).
func BenchmarkParse(b *testing.B) {
	cases := []struct {
		name string
		src  []byte
	}{{"embedded", embedded()}}
	for _, n := range []int{10_000, 100_000} {
		cases = append(cases, struct {
			name string
			src  []byte
		}{fmt.Sprintf("%dk", n/1000), synthetic()[n]})
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := markdown.Parse(tc.name, tc.src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
