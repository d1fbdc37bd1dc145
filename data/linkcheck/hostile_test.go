package linkcheck

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/upstream-tui/upstream-tui/model/inert"
)

// TestHostileAnswers: what a server sends (a Location, headers without
// end) reaches a finding inert, bounded, and never as a fix.
func TestHostileAnswers(t *testing.T) {
	s := newServer(t, func(_ *server, w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/bidi":
			w.Header().Set("Location", "https://evil.test/\u202eyxes\u009b31m"+strings.Repeat("a", 5000))
			w.WriteHeader(http.StatusMovedPermanently)
		case "/huge":
			for i := range 200 {
				w.Header().Set("X-Pad-"+strings.Repeat("p", i), strings.Repeat("x", 1000))
			}
		case "/scheme":
			w.Header().Set("Location", "javascript:alert(1)")
			w.WriteHeader(http.StatusMovedPermanently)
		}
	})
	fs := checker(s, nil).Check(context.Background(), []Link{
		{1, "https://a.test/bidi"}, {2, "https://a.test/huge"}, {3, "https://a.test/scheme"},
	})
	if len(fs) != 3 {
		t.Fatalf("findings %+v, want 3", fs)
	}
	for _, f := range fs {
		if !inert.IsClean(f.Message) || strings.ContainsRune(f.Message, '\u202e') || len(f.Message) > 1000 || f.Fix != "" {
			t.Errorf("line %d: %q fix %q", f.Line, f.Message, f.Fix)
		}
		for _, h := range f.Hops {
			if !inert.IsClean(h.URL) || len(h.URL) > 2100 {
				t.Errorf("line %d: hop %q", f.Line, h.URL)
			}
		}
	}
	if want := "https://a.test/huge: server response headers exceeded 65536 bytes; aborted"; fs[1].Message != want || fs[1].Severity != "error" {
		t.Errorf("huge headers: %s %q", fs[1].Severity, fs[1].Message)
	}
	if want := "https://a.test/scheme: redirects to a URL that is not http(s): javascript:alert(1)"; fs[2].Message != want {
		t.Errorf("got %q, want %q", fs[2].Message, want)
	}
}
