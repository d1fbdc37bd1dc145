package github

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"

	gh "github.com/google/go-github/v84/github"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// maxReason bounds how much of a server's words an error repeats.
const maxReason = 120

// CheckError is a check GitHub answered, or began to, with something
// other than a repository: an error status, a body that is no JSON or
// too large, a redirect away from the API. Msg is clean text.
type CheckError struct {
	Repo model.Repo
	Msg  string
}

func (e *CheckError) Error() string {
	return "could not check " + inert.Escape(e.Repo.String()) + ": " + e.Msg
}

// describe turns an error of a request into the error Check returns: a
// *model.RateLimitError, a *model.OfflineError when no answer came, the
// context's error, or a *CheckError. A secondary limit with no time to
// wait blocks the budget for waitUnknown.
func (s *Source) describe(ctx context.Context, repo model.Repo, err error) error {
	var (
		rl  *gh.RateLimitError
		ab  *gh.AbuseRateLimitError
		er  *gh.ErrorResponse
		ue  *url.Error
		dns *net.DNSError
		op  *net.OpError
	)
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case model.IsRateLimit(err):
		return err // the budget's refusal
	case errors.As(err, &er) && er.Response != nil && limitStatus(er.Response.StatusCode) && s.budget.refusing(s.now()) != nil:
		// A 403 or 429 whose headers said to wait (budget.observe).
		return s.budget.refusing(s.now())
	case errors.As(err, &rl):
		// The budget read the headers; it knows when.
		if refused := s.budget.refusing(s.now()); refused != nil {
			return refused
		}
		return s.budget.limited(earlier(rl.Rate.Reset.Time, s.now().Add(maxWait)))
	case errors.As(err, &ab):
		if refused := s.budget.refusing(s.now()); refused != nil {
			return refused
		}
		until := s.now().Add(waitUnknown)
		s.budget.block(until)
		return s.budget.limited(until)
	case errors.Is(err, errTooLarge):
		return &CheckError{Repo: repo, Msg: errTooLarge.Error()}
	case errors.Is(err, errRedirect):
		return &CheckError{Repo: repo, Msg: errRedirect.Error()}
	case errors.As(err, &er) && er.Response != nil:
		msg := fmt.Sprintf("GitHub answered %d", er.Response.StatusCode)
		if m := cleanText(er.Message, maxReason); m != "" {
			msg += ": " + m
		}
		return &CheckError{Repo: repo, Msg: msg}
	case isTimeout(err):
		return &model.OfflineError{Err: fmt.Errorf("no answer from GitHub within %s", s.timeout)}
	case errors.As(err, &dns):
		return &model.OfflineError{Err: errors.New("no such host " + inert.Escape(dns.Name))}
	case errors.As(err, &op) && op.Op == "dial":
		return &model.OfflineError{Err: errors.New(cleanText(op.Err.Error(), maxReason))}
	case errors.As(err, &ue):
		return &CheckError{Repo: repo, Msg: cleanText(ue.Err.Error(), maxReason)}
	}
	// A body that is no JSON, or another answer go-github could not read.
	return &CheckError{Repo: repo, Msg: "GitHub's answer could not be read: " + cleanText(err.Error(), maxReason)}
}

// limitStatus reports the statuses GitHub gives a rate limit.
func limitStatus(code int) bool {
	return code == http.StatusForbidden || code == http.StatusTooManyRequests
}

// isTimeout reports a request that ran out of time.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
