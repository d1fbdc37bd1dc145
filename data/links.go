package data

import (
	"bytes"
	"context"
	"errors"

	"github.com/upstream-tui/upstream-tui/data/linkcheck"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// LinkSources checks the links of catalogs online (lint --online): it
// reads a source as Sources does and hands its links to linkcheck.
type LinkSources struct {
	*Sources
	// Checker holds the client and the limits (the zero Checker has the
	// defaults); each run gives it its options. Tests give it a client
	// whose transport answers for every host, and no pause.
	Checker linkcheck.Checker
}

// CheckLinks requests every http(s) link of a catalog source (the
// embedded catalog, a file, or a URL as downloaded now) and returns the
// findings, the catalog with every fix applied and their diff. A finding
// whose URL could not be found where its line writes it (escaped in the
// file) keeps no fix.
func (s LinkSources) CheckLinks(ctx context.Context, source string, opts model.LinkCheckOptions) (*model.LinkReport, error) {
	r := &model.LinkReport{File: EmbeddedName, Original: embedded}
	switch {
	case source == "":
	case IsURL(source):
		body, err := s.remote().Download(ctx, source)
		if err != nil {
			return nil, err
		}
		r.File, r.Original = source, body
	default:
		src, err := readFile(source)
		if err != nil {
			return nil, err
		}
		r.File, r.Path, r.Original = source, source, src
	}
	// In the format its content says, as lint reads it: a landscape.yml
	// too.
	cat, err := parseCatalog(r.File, r.Original)
	if err != nil {
		return nil, err
	}
	c := s.Checker
	c.LinkCheckOptions = opts
	r.Findings = c.Check(ctx, catalogLinks(cat))
	var applied []bool
	r.Fixed, applied = linkcheck.Apply(r.Original, r.Findings, urlSpans(r.Original))
	for i := range r.Findings {
		if !applied[i] {
			r.Findings[i].Fix = ""
		}
	}
	r.Diff = linkcheck.Diff(r.File, r.Original, r.Fixed)
	return r, nil
}

// WriteFixes writes a report's fixes to its file, atomically and keeping
// its mode, unless the file changed since it was read.
func (s LinkSources) WriteFixes(r *model.LinkReport) error {
	switch {
	case bytes.Equal(r.Original, r.Fixed):
		return nil
	case r.Path == "":
		return errors.New(inert.Escape(r.File) + " is not a file that can be fixed; --diff shows the fixes")
	}
	return linkcheck.Write(r.Path, r.Original, r.Fixed, maxFileSize)
}

// catalogLinks are the links of a catalog's projects with the lines they
// are written on (their rows', in a Markdown table); a link borrowed
// through "same slack and email" is checked where it is written, and one
// worked out from another (a landscape's issues page) is not written in
// the file at all.
func catalogLinks(cat *model.Catalog) []linkcheck.Link {
	var links []linkcheck.Link
	for _, p := range cat.Projects {
		for _, l := range p.Links {
			line := p.Line
			if l.Line != 0 {
				line = int(l.Line)
			}
			if l.SharedFrom == "" && l.DerivedFrom == 0 {
				links = append(links, linkcheck.Link{Line: line, URL: l.URL})
			}
		}
	}
	return links
}
