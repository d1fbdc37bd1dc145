package landscape

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse reads the whole CNCF Landscape (1.1 MB), and its first
// HeadBytes as the app's first view does.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "landscape-full.yml"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("whole", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Parse("landscape.yml", src); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("head", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := ParseHead("landscape.yml", src[:HeadBytes]); !ok {
				b.Fatal("no first view")
			}
		}
	})
}
