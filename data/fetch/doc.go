// Package fetch downloads catalogs from URLs and keeps them in a cache
// under the user's cache directory. It knows no catalog format: it
// downloads and caches bytes with their validators, and the caller's
// Parse reads them. It holds:
//
//   - the URL rule (https, or http to a loopback host) and the HTTP
//     client that keeps to it across redirects, with a timeout and a cap
//     on the body (client.go);
//   - conditional downloads that send a cached copy's ETag and
//     Last-Modified back, and errors that say whether a server answered
//     (unreachable, an error, something that is no catalog), with what it
//     said made inert and cut at a word (reason);
//   - the cache: a URL's body as downloaded and its validators, each
//     written atomically, in the layout users' caches already have, and
//     read back only when regular, within the limit and with the checksum
//     recorded (cache.go);
//   - Remote, which reads a catalog from a URL through the cache with the
//     Parse its caller gives (data.Sources gives the reader it chooses for
//     the URL), refusing a body Parse refuses, and, when a download fails,
//     falls back to the cached copy or the embedded catalog with a notice
//     that says which and why; for the app's first frame (Quick), only
//     the first view of a large cached copy, with the FirstView its caller
//     gives (remote.go).
//
// data/github, the GitHub API client, takes its URL rule (CheckURL) and
// its cache directory (DefaultCacheDir) from here; its client, answers
// and cache are its own, as their rules differ (a token for one host,
// JSON of at most 1 MiB, a record per repository).
package fetch
