package model

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// OriginKind is where a catalog was read from.
type OriginKind int

const (
	OriginEmbedded OriginKind = iota // built into the binary
	OriginFile                       // a local file
	OriginURL                        // downloaded just now, or confirmed unchanged
	OriginCache                      // the cached copy of a URL's download
)

// Origin says where a catalog was read from and how fresh it is.
type Origin struct {
	Kind OriginKind
	// Name is the file or the URL; for the embedded catalog, the file it
	// was copied from.
	Name string
	// Asked is the source the user asked for when it is not what is shown
	// (a URL that could not be fetched, shown from the embedded catalog).
	Asked string
	// Fetched is when the copy was downloaded (OriginCache) or last known
	// to match the URL (OriginURL: downloaded, or a 304).
	Fetched time.Time
	// Notice says why what is shown is not what was asked for ("offline:
	// showing the copy cached 3 days ago"); empty when it is.
	Notice string
	// Failure is why the asked source could not be read, when what is
	// shown stands in for it ("could not fetch URL: connection
	// refused"); empty otherwise.
	Failure string
}

// Describe says in a few words where the catalog came from and how fresh
// it is, for a header: "example.com/projects.md · fetched 2 min ago".
func (o Origin) Describe(now time.Time) string {
	var s string
	switch o.Kind {
	case OriginEmbedded:
		s = "embedded catalog"
		if o.Asked != "" {
			s += " instead of " + ShortURL(o.Asked)
		}
	case OriginFile:
		s = o.Name
	case OriginURL:
		s = ShortURL(o.Name) + " · checked " + Ago(now.Sub(o.Fetched))
	case OriginCache:
		s = ShortURL(o.Name) + " · cached " + Ago(now.Sub(o.Fetched))
	}
	return s
}

// ShortURL drops the scheme of a URL, which the header has no room for.
func ShortURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	return strings.TrimPrefix(raw, u.Scheme+"://")
}

// Ago says how long ago something happened, in the largest whole unit:
// "just now", "5 min ago", "3 h ago", "2 days ago".
func Ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h ago", int(d/time.Hour))
	}
	return fmt.Sprintf("%d days ago", int(d/(24*time.Hour)))
}
