// Package landscape reads the CNCF Landscape's landscape.yml (landscape2's
// data.yml schema) into model types: a second catalog format beside
// data/markdown. It:
//
//   - recognises the format by content, whatever the file's name (Is);
//   - parses the YAML with go.yaml.in/yaml/v3 into nodes that carry lines,
//     refusing aliases, so that a "billion laughs" document costs nothing
//     and every error names FILE:LINE (parse.go);
//   - maps categories to areas, subcategories to sub-areas, items to
//     projects with their links, CNCF maturity and dates, and merges an
//     item listed in several places into one project (item.go);
//   - reads the first projects of a large file for a first view
//     (ParseHead);
//   - lints a file: duplicate names, missing homepages, links that are not
//     https (lint.go).
//
// Every text is made inert as data/markdown does it: the whole source
// before parsing (inert.Lines), and every value after, since YAML's
// escapes ("\e") resolve in the parser. It reads bytes and does no I/O:
// package data chooses where a catalog comes from and which reader reads
// it. Its errors are *markdown.ParseError, the one catalog error of data.
package landscape
