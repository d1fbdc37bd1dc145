package linkcheck

import (
	"net/http"
	"time"
)

// NewClient returns a client for checking links: it never follows a
// redirect itself (the checker follows them by hand, to record every
// hop), and bounds an answer's headers. transport nil: a copy of
// http.DefaultTransport.
func NewClient(transport http.RoundTripper) *http.Client {
	if transport == nil {
		transport = newTransport()
	}
	return &http.Client{
		Transport:     transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// newTransport is http.DefaultTransport with an answer's headers bounded
// (64 KiB) and as many idle connections to a host as requests at once.
func newTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxResponseHeaderBytes = 64 << 10
	t.MaxIdleConnsPerHost = DefaultPerHost
	t.ResponseHeaderTimeout = DefaultRequestTimeout
	t.TLSHandshakeTimeout = 5 * time.Second
	return t
}

// RouteTo returns a transport that sends every request, whatever its
// scheme and host, over plain HTTP to addr ("127.0.0.1:8080"), with the
// Host header naming the host asked for. It is a test hook: a local
// server answers for every host of a catalog, and tells them apart by
// Host.
func RouteTo(addr string) http.RoundTripper {
	return routed{addr: addr, next: newTransport()}
}

type routed struct {
	addr string
	next http.RoundTripper
}

func (t routed) RoundTrip(req *http.Request) (*http.Response, error) {
	out := req.Clone(req.Context())
	out.Host = req.URL.Host
	out.URL.Scheme, out.URL.Host = "http", t.addr
	return t.next.RoundTrip(out)
}
