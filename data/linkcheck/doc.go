// Package linkcheck is lint --online: it requests every http(s) link of a
// catalog and says which are dead, moved or unreachable, and how to fix
// the moved ones. It:
//
//   - checks the links (check.go): each URL once, however many lines
//     hold it, within an overall time after which the rest are "not
//     checked", never dead;
//   - requests a URL (request.go): HEAD, then GET (its body read no
//     further than 64 KiB) when HEAD is refused; redirects followed by
//     hand, hop by hop, up to 10; 429 and 503 retried with Retry-After or
//     backoff; a request that times out tried once more;
//   - keeps to a budget of connections (limit.go): at most 8 requests at
//     once in all, 2 to one host, with a pause between requests to a host;
//   - asks a model.HealthSource about GitHub repositories (github.go),
//     falling back to HTTP when it cannot answer;
//   - turns answers into findings and fixes (verdict.go): a fix only for
//     a chain of permanent redirects to a success, never to a sign-in
//     page, never for a host whose job is to redirect;
//   - applies fixes to the file's bytes, changing nothing but the URLs
//     (fix.go), shows them as a unified diff (diff.go), and writes them
//     atomically unless the file changed meanwhile (write.go).
//
// Every text from a server (a Location, a status) is made inert before
// it is put in a finding. It has no UI: ui/cli prints what it returns.
package linkcheck
