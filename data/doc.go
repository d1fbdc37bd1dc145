// Package data is where catalogs come from. It chooses the reader for a
// source: the catalog embedded in the binary (projects.md), a file, or a
// URL (through data/fetch and its cache), and lints a source the same way
// (Sources, LoadEmbedded, LoadFile, LintFile), and checks a source's
// links online with data/linkcheck (LinkSources). It also makes synthetic
// catalogs for tests and benchmarks (SyntheticCatalog).
//
// Each job has a package of its own under data/:
//
//   - data/markdown reads the upstream Markdown format into model types,
//     sanitises it (with model/inert), reads the prose and lints a
//     catalog;
//   - data/landscape reads the CNCF Landscape's landscape.yml the same
//     way; format.go chooses between the two by a source's content, for
//     files, URLs, lint and the first view of a large file or cached
//     copy;
//   - data/fetch downloads URLs and keeps the bodies in the user's cache
//     directory, whatever their format: Sources gives it the reader;
//   - data/config reads the config file (TOML);
//   - data/state keeps what the app remembers between runs;
//   - data/linkcheck requests a catalog's links (lint --online), fixes
//     the moved ones in the file's bytes and shows the fixes as a diff;
//   - data/disk writes files atomically and explains file errors;
//   - data/github reads repositories' health from GitHub's REST API, a
//     model.HealthSource, cached per repository under the user cache
//     directory (data/github/githubtest is a local stand-in for the API,
//     for tests);
//   - data/synth generates synthetic catalogs (data/synthcat is its
//     command).
package data
