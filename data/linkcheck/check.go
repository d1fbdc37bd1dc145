package linkcheck

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
)

// Link is a link of the catalog and the line it is written on.
type Link struct {
	Line int
	URL  string
}

// The defaults of a Checker.
const (
	DefaultTimeout        = 2 * time.Minute
	DefaultRequestTimeout = 10 * time.Second
	DefaultTotal          = 8
	DefaultPerHost        = 2
	DefaultPause          = 200 * time.Millisecond
)

// DefaultKeepHosts are hosts whose job is to redirect (link shorteners,
// vanity hosts): their links are never rewritten, and a redirect from
// them is no finding.
var DefaultKeepHosts = []string{"aka.ms", "sigs.k8s.io", "k8s.io", "git.io", "bit.ly", "goo.gl", "t.co"}

// Checker checks a catalog's links. The zero Checker is ready: every
// limit has its default. The options (model.LinkCheckOptions) say how
// long the run may take, which hosts are kept and where repository
// health comes from.
type Checker struct {
	model.LinkCheckOptions
	// Client sends the requests; it must not follow redirects (NewClient
	// makes one). nil: NewClient(nil).
	Client *http.Client
	// RequestTimeout bounds one request, its body included; 0: 10 s.
	RequestTimeout time.Duration
	// Total and PerHost bound the requests at once, in all and to one
	// host; 0: 8 and 2.
	Total, PerHost int
	// Pause is the least time between the starts of two requests to one
	// host; 0: DefaultPause, negative: none.
	Pause time.Duration
	// Sleep waits d or until ctx ends (then it returns ctx's error); nil:
	// a timer. Tests replace it so that Retry-After costs no time.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock Retry-After dates are read against; nil: time.Now.
	Now func() time.Time
}

// job is one URL to check, for every line that holds it.
type job struct {
	url string // without its fragment
	out outcome
}

// outcome is what was learnt about a URL: from the health source, over
// HTTP, or both.
type outcome struct {
	health *model.Health // the health source's answer, when it gave one
	repo   model.Repo
	http   *answer // nil when HTTP was not needed
}

// Check checks every http(s) link and returns the findings, by line: one
// per link and line that is dead, moved, or could not be checked. Each
// URL (its fragment aside) is requested once, however many lines hold
// it. Check returns when every link is checked or the overall time is up;
// the links left then are findings "not checked".
func (c *Checker) Check(ctx context.Context, links []Link) []model.LinkFinding {
	r := c.newRun()
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()

	jobs := map[string]*job{}
	var order []*job
	for _, l := range links {
		key, ok := requestURL(l.URL)
		if !ok || jobs[key] != nil {
			continue
		}
		j := &job{url: key}
		jobs[key] = j
		order = append(order, j)
	}
	order = byHostInTurn(order)

	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		done int
	)
	report := func() {
		if c.Progress != nil {
			c.Progress(done, len(order))
		}
	}
	report()
	// Jobs in flight are bounded beyond the requests: a large catalog
	// would otherwise park a goroutine per URL.
	inFlight := make(chan struct{}, 4*r.limits.totalCap())
	for _, j := range order {
		inFlight <- struct{}{}
		wg.Go(func() {
			defer func() { <-inFlight }()
			j.out = r.check(ctx, j.url)
			mu.Lock()
			done++
			report()
			mu.Unlock()
		})
	}
	wg.Wait()

	var fs []model.LinkFinding
	for _, l := range links {
		if key, ok := requestURL(l.URL); ok {
			fs = append(fs, r.verdicts(l, &jobs[key].out)...)
		}
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Line < fs[j].Line })
	return fs
}

// byHostInTurn orders jobs a host at a time in turn (the first URL of
// each host, then the second of each...), keeping the catalog's order
// within a host: a run of links to one host never keeps the others
// waiting behind its two slots, and when time runs out, what is left
// unchecked is spread over the hosts.
func byHostInTurn(jobs []*job) []*job {
	var hosts []string
	byHost := map[string][]*job{}
	for _, j := range jobs {
		h := hostOf(j.url)
		if byHost[h] == nil {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], j)
	}
	out := make([]*job, 0, len(jobs))
	for round := 0; len(out) < len(jobs); round++ {
		for _, h := range hosts {
			if round < len(byHost[h]) {
				out = append(out, byHost[h][round])
			}
		}
	}
	return out
}

// run is one Check: its limits, and what it learnt of repositories and
// URLs.
type run struct {
	c              *Checker
	client         *http.Client
	timeout        time.Duration
	requestTimeout time.Duration
	limits         *limits
	sleep          func(context.Context, time.Duration) error
	now            func() time.Time
	keep           []string

	refused  sync.Once // HealthRefused is called once a run
	mu       sync.Mutex
	repos    map[string]*repoCall
	requests map[string]*requestCall
}

func (c *Checker) newRun() *run {
	r := &run{
		c:              c,
		client:         c.Client,
		timeout:        orDefault(c.Timeout, DefaultTimeout),
		requestTimeout: orDefault(c.RequestTimeout, DefaultRequestTimeout),
		sleep:          c.Sleep,
		now:            c.Now,
		keep:           append(append([]string{}, DefaultKeepHosts...), c.KeepHosts...),
		repos:          map[string]*repoCall{},
		requests:       map[string]*requestCall{},
	}
	if r.client == nil {
		r.client = NewClient(nil)
	}
	if r.sleep == nil {
		r.sleep = sleep
	}
	if r.now == nil {
		r.now = time.Now
	}
	pause := orDefault(c.Pause, DefaultPause)
	r.limits = newLimits(orDefault(c.Total, DefaultTotal), orDefault(c.PerHost, DefaultPerHost), max(pause, 0), r.sleep, r.now)
	return r
}

// check learns what it can about one URL: from the health source for a
// link into a GitHub repository, else (or also, for a path into the
// repository's files) over HTTP.
func (r *run) check(ctx context.Context, raw string) outcome {
	var o outcome
	if repo, ok := model.RepoOfURL(raw); ok && r.c.Health != nil {
		o.repo = repo
		if h, err := r.health(ctx, repo); err == nil {
			o.health = &h
			if h.Missing || h.Moved() || !intoFiles(raw) {
				return o
			}
		}
	}
	a := r.follow(ctx, raw)
	o.http = &a
	return o
}

// requestURL is the URL to request for a link: without its fragment,
// which no server sees; ok is false for a link that is not http(s).
func requestURL(raw string) (string, bool) {
	return httpURL(url.Parse(strings.TrimSpace(raw)))
}

// httpURL is u without its fragment, when it parsed and is an http(s)
// URL with a host; ok is false otherwise.
func httpURL(u *url.URL, err error) (string, bool) {
	if err != nil || u.Host == "" {
		return "", false
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return "", false
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String(), true
}

// sleep waits d, or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func orDefault[T int | time.Duration](v, def T) T {
	if v == 0 {
		return def
	}
	return v
}
