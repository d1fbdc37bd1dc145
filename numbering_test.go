package main

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/model"
)

// numberedItem is a numbered link in show's Markdown: "- **3** [label](<url>)".
var numberedItem = regexp.MustCompile(`(?m)^- \*\*(\d+)\*\* \[.*\]\(<([^>]*)>\)`)

// TestDetailNumbersAreOpenNumbers: the link numbered N in each project's
// detail, in each known catalog, is the link `open --link N` opens, and
// every link open can number is in the detail: the project's own, then
// its repository's (nothing cached: not checked).
func TestDetailNumbersAreOpenNumbers(t *testing.T) {
	withCache(t)
	for _, file := range []string{"", readme, firstDraft} {
		cat, err := data.LoadEmbedded()
		if file != "" {
			cat, err = data.LoadFile(file)
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range cat.Projects {
			args := []string{"--catalog", file}
			if file == "" {
				args = nil
			}
			show := execute(t, nil, append([]string{"show", p.Name}, args...)...)
			items := numberedItem.FindAllStringSubmatch(show.stdout, -1)
			repo, _ := model.RepoOf(&p)
			if want := len(model.NumberedLinks(&p)) + len(model.RepoLinks(&p, repo, nil)); len(items) != want {
				t.Errorf("%s %q: %d numbered links in the detail, want %d:\n%s", file, p.Name, len(items), want, show.stdout)
			}
			for k, item := range items {
				if item[1] != strconv.Itoa(k+1) {
					t.Errorf("%s %q: link %d is numbered %s", file, p.Name, k+1, item[1])
				}
				open := execute(t, nil, append([]string{"open", p.Name, "--link", item[1], "--print"}, args...)...)
				if open.stdout != item[2]+"\n" {
					t.Errorf("%s %q: the detail's link %s is %s; open --link %s prints %q %s", file, p.Name, item[1], item[2], item[1], open.stdout, open.stderr)
				}
			}
			past := strconv.Itoa(len(items) + 1)
			if r := execute(t, nil, append([]string{"open", p.Name, "--link", past, "--print"}, args...)...); r.status != 1 {
				t.Errorf("%s %q: open --link %s, past the detail's last number: status %d %q", file, p.Name, past, r.status, r.stdout)
			}
		}
	}
}
