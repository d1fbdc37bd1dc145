package model

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
)

// CheckURL is the one rule for what may be handed to a browser: an absolute
// http or https URL with a host, with no whitespace or control characters,
// not starting with "-". The error says why a URL is refused.
func CheckURL(raw string) error {
	switch {
	case raw == "":
		return errors.New("empty URL")
	case strings.HasPrefix(raw, "-"):
		return fmt.Errorf("refusing %q: a URL may not start with '-'", raw)
	case strings.IndexFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return fmt.Errorf("refusing %q: URL contains whitespace or control characters", raw)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("refusing %q: not a valid URL", raw)
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		if u.Scheme == "" {
			return fmt.Errorf("refusing %q: not an absolute http or https URL", raw)
		}
		return fmt.Errorf("refusing %q: scheme %q is not http or https", raw, u.Scheme)
	}
	if u.Host == "" || u.Hostname() == "" {
		return fmt.Errorf("refusing %q: URL has no host", raw)
	}
	return nil
}
