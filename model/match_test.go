package model

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestMatchByteIsMatchWindow: the one-letter fast path scores and places a
// letter exactly as the general matcher does.
func TestMatchByteIsMatchWindow(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	alphabet := "abk -.k9é"
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(string([]rune(alphabet)[rng.IntN(len([]rune(alphabet)))]))
		}
		text, c := b.String(), "abk-9"[rng.IntN(5)]
		var fastPos, slowPos []int
		fs, fok := matchByte(text, c, &fastPos)
		ss, sok := matchWindow(text, []rune{rune(c)}, &slowPos)
		if fs != ss || fok != sok || !slices.Equal(fastPos, slowPos) {
			t.Fatalf("%q %q: fast %d %v %v, general %d %v %v", text, c, fs, fok, fastPos, ss, sok, slowPos)
		}
	}
}
