package github

import (
	"os"
	"strings"
	"time"

	"github.com/cli/go-gh/v2/pkg/auth"
)

// ghTimeout bounds asking gh for its token: it may run "gh auth token",
// which reads the system keyring.
const ghTimeout = 3 * time.Second

// DefaultToken returns the token for the API at host: GH_TOKEN, then
// GITHUB_TOKEN, then the one gh stored for the host (go-gh's
// TokenForHost, which reads gh's hosts.yml and may run gh), or "". gh is
// given ghTimeout; a gh that takes longer is left to finish on its own
// and its token is not used.
func DefaultToken(host string) string {
	return lookupToken(os.Getenv, ghToken, host)
}

// lookupToken is DefaultToken with the environment and gh given.
func lookupToken(getenv func(string) string, gh func(host string) string, host string) string {
	for _, v := range []string{"GH_TOKEN", "GITHUB_TOKEN"} {
		if t := cleanToken(getenv(v)); t != "" {
			return t
		}
	}
	return cleanToken(gh(host))
}

// ghToken asks go-gh for the token gh keeps for host, within ghTimeout.
func ghToken(host string) string {
	done := make(chan string, 1)
	go func() {
		t, _ := auth.TokenForHost(host)
		done <- t
	}()
	timer := time.NewTimer(ghTimeout)
	defer timer.Stop()
	select {
	case t := <-done:
		return t
	case <-timer.C:
		return ""
	}
}

// cleanToken is a token without surrounding space; one holding anything
// an HTTP header cannot carry is no token.
func cleanToken(t string) string {
	t = strings.TrimSpace(t)
	for i := 0; i < len(t); i++ {
		if t[i] <= ' ' || t[i] >= 0x7f {
			return ""
		}
	}
	return t
}

// tokenHost is the host whose token the API at apiHost takes: github.com
// for api.github.com (gh keeps it under github.com), else the API's own.
func tokenHost(apiHost string) string {
	if strings.EqualFold(apiHost, "api.github.com") {
		return "github.com"
	}
	return apiHost
}
