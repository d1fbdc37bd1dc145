// Package github reads repositories' health from GitHub's REST API, with
// go-github, and keeps each answer in a cache on disk. Source implements
// model.HealthSource. It holds:
//
//   - Source: Cached (the cache only, never the network) and Check (the
//     cache within its max age, else a request, revalidated with the
//     cached ETag), each repository checked by one caller at a time
//     (source.go);
//   - Prefetch, with a token: one GraphQL query for 50 repositories,
//     the same health kept as REST's, its own rate budget (graphql.go);
//   - the answers made into model.Health: every text GitHub gives made
//     inert and bounded, a rename or transfer (301) recorded as MovedTo,
//     404 as missing, no release as none (answer.go);
//   - the transport under go-github: the token on requests to the API
//     host and to no other, redirects followed within that host only,
//     answers read through a 1 MiB limit, at most 4 requests at once,
//     and the rate headers of every answer read into the budget
//     (transport.go);
//   - the rate budget: no request once x-ratelimit-remaining is nearly
//     spent, nor after a 403 or 429 that says to wait, until the reset
//     or the retry-after has passed; a spent budget is kept in the cache
//     directory for the next run (budget.go);
//   - the cache: a JSON file per repository, written atomically, read
//     within a limit, that never holds the token (cache.go);
//   - the token: GH_TOKEN, GITHUB_TOKEN, then the one gh stored, asked of
//     gh within a time limit (token.go);
//   - errors that say why a check failed, with what the server said made
//     inert (errors.go).
package github
