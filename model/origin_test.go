package model

import (
	"testing"
	"time"
)

func TestOriginDescribe(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		o    Origin
		want string
	}{
		{Origin{Kind: OriginEmbedded, Name: "projects.md"}, "embedded catalog"},
		{Origin{Kind: OriginEmbedded, Name: "projects.md", Asked: "https://example.com/p.md"}, "embedded catalog instead of example.com/p.md"},
		{Origin{Kind: OriginFile, Name: "./README.md"}, "./README.md"},
		{Origin{Kind: OriginURL, Name: "https://example.com/p.md", Fetched: now.Add(-30 * time.Second)}, "example.com/p.md · checked just now"},
		{Origin{Kind: OriginURL, Name: "http://127.0.0.1:8/p.md", Fetched: now.Add(-5 * time.Minute)}, "127.0.0.1:8/p.md · checked 5 min ago"},
		{Origin{Kind: OriginCache, Name: "https://example.com/p.md", Fetched: now.Add(-3 * time.Hour)}, "example.com/p.md · cached 3 h ago"},
		{Origin{Kind: OriginCache, Name: "https://example.com/p.md", Fetched: now.Add(-73 * time.Hour)}, "example.com/p.md · cached 3 days ago"},
		{Origin{Kind: OriginCache, Name: "https://example.com/p.md", Fetched: now.Add(time.Hour)}, "example.com/p.md · cached just now"}, // a clock behind
	} {
		if got := tc.o.Describe(now); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.o, got, tc.want)
		}
	}
}
