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
		t1 := newTerm(string(c))
		ss, sok := matchWindow(text, &t1, &slowPos)
		if fs != ss || fok != sok || !slices.Equal(fastPos, slowPos) {
			t.Fatalf("%q %q: fast %d %v %v, general %d %v %v", text, c, fs, fok, fastPos, ss, sok, slowPos)
		}
	}
}

// TestMatchFound: a term as typed wins over a typo, at a word start over
// elsewhere; a typo is two adjacent runes swapped or, when late is set,
// the last rune one place late, never over a space, and only from typoMin
// runes.
func TestMatchFound(t *testing.T) {
	for _, tc := range []struct {
		text, term string
		late       bool
		at         []int // byte offsets; nil: not found
		typo       bool
	}{
		{"kubelet kubelt", "kubelt", true, []int{8, 9, 10, 11, 12, 13}, false},
		{"akubelt kubelt", "kubelt", true, []int{8, 9, 10, 11, 12, 13}, false},
		{"akubelt", "kubelt", true, []int{1, 2, 3, 4, 5, 6}, false},
		{"virtual kubelet", "vritual", true, []int{0, 1, 2, 3, 4, 5, 6}, true},
		{"opa gatekeeper", "gaetkeeper", false, []int{4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, true},
		{"keyvault", "keyvalut", false, []int{0, 1, 2, 3, 4, 5, 6, 7}, true},
		{"kubelet", "kubelt", true, []int{0, 1, 2, 3, 4, 6}, true},
		{"kubelet", "kubelt", false, nil, false},
		{"kube let", "kubel", true, nil, false}, // not over a space
		{"kub", "ukb", true, nil, false},        // too short for a typo
		{"graduated", "gate", true, nil, false},
		{"kubernetes-provider-azure@googlegroups.com", "keda", true, nil, false},
		{"ærø ürø", "rææø", true, nil, false},
		{"xærøy", "æxrø", true, []int{0, 1, 3, 4}, true},
		{"xærøy", "ræøy", true, []int{1, 3, 4, 6}, true},
		{"xærøy", "xærye", true, nil, false},
		{"xærøye", "xæry", true, []int{0, 1, 3, 6}, true}, // late, over a rune of two bytes
	} {
		term := newTerm(tc.term)
		var at []int
		_, ok := matchFound(tc.text, &term, tc.late, &at)
		typo := ok && indexWord(tc.text, term.text) < 0
		if ok != (tc.at != nil) || ok && (!slices.Equal(at, tc.at) || typo != tc.typo) {
			t.Errorf("matchFound(%q, %q, %v) found %v, typo %v, %v; want %v, typo %v", tc.text, tc.term, tc.late, at, typo, ok, tc.at, tc.typo)
		}
	}
}

// TestScoreAsTyped: a term found as typed scores what scorePositions gives
// the runes found, without a look at them.
func TestScoreAsTyped(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	alphabet := []rune("ab -.9é@")
	compared := 0
	for range 20000 {
		var text, word []rune
		for range rng.IntN(12) {
			text = append(text, alphabet[rng.IntN(len(alphabet))])
		}
		for range 1 + rng.IntN(6) {
			word = append(word, alphabet[rng.IntN(len(alphabet))])
		}
		if strings.ContainsRune(string(word), ' ') {
			continue
		}
		term := newTerm(string(word))
		var at []int
		score, ok := matchFound(string(text), &term, true, &at)
		if !ok || indexWord(string(text), term.text) < 0 {
			continue // not found as typed
		}
		compared++
		if want := clampScore(scorePositions(string(text), at)); score != want {
			t.Fatalf("%q in %q: %d, scorePositions %d", string(word), string(text), score, want)
		}
	}
	if compared < 1000 {
		t.Errorf("only %d terms found as typed", compared)
	}
}
