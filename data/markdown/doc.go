// Package markdown reads catalogs written in the upstream Markdown format
// into model types. It:
//
//   - finds the project table and the title above it, with goldmark's
//     block parser, leaving long runs of rows out of it (blocks.go);
//   - mends tables that GFM would misread (delimiter.go);
//   - maps the table's header to its columns (columns.go);
//   - reads the rows, in chunks on every core, most of them directly
//     (fastrow.go, with the inline Markdown of fastinline.go and
//     emphasis.go) and the rest with goldmark's GFM tables (rows.go,
//     cells.go), into areas, projects, links and maturities;
//   - sanitises the whole source before parsing, and every text that
//     escapes resolve after (source.go, with model/inert), so that
//     nothing it returns can drive a terminal;
//   - reads the prose around the table into model.Prose (prose.go);
//   - bounds what goldmark sees, so that parsing takes time linear in the
//     input whatever it holds, and counts its work for tests (bounds.go);
//   - lints a catalog's form and content (lint.go).
//
// It reads bytes and does no I/O: package data chooses where a catalog
// comes from, and which reader reads it (this one, or data/landscape for
// the CNCF Landscape's landscape.yml).
package markdown
