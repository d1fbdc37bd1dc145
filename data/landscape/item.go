package landscape

import (
	"cmp"
	"net/url"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// item is one entry of a subcategory's items, as read.
type item struct {
	project model.Project
	// paths are the item's second_path entries, with their lines.
	paths []pathAt
	// state is the project: value and its line, 0 when there is none.
	state     string
	stateLine int
}

// pathAt is a second_path entry and its line.
type pathAt struct {
	place model.Place
	line  int
}

// dateLabels are the dated facts of an item and their labels, in the
// order the detail shows them: CNCF's milestones, then membership.
var dateLabels = []struct{ key, label string }{
	{"accepted", "Accepted"},
	{"incubating", "Incubating"},
	{"graduated", "Graduated"},
	{"archived", "Archived"},
	{"annual_review_date", "Annual review"},
	{"joined", "Joined"},
}

// otherLabels are readable labels for the other URLs of an item and its
// extra:; any other key ending in _url is labelled from its name
// (readable).
var otherLabels = map[string]string{
	"twitter":                "Twitter",
	"crunchbase":             "Crunchbase",
	"url_for_bestpractices":  "OpenSSF Best Practices",
	"blog_url":               "Blog",
	"dev_stats_url":          "DevStats",
	"youtube_url":            "YouTube",
	"annual_review_url":      "Annual review",
	"artwork_url":            "Artwork",
	"stack_overflow_url":     "Stack Overflow",
	"linkedin_url":           "LinkedIn",
	"docker_url":             "Docker Hub",
	"bluesky_url":            "Bluesky",
	"discord_url":            "Discord",
	"gitter_url":             "Gitter",
	"documentation_url":      "Documentation",
	"summary_intro_url":      "Introduction",
	"helm_chart_url":         "Helm chart",
	"github_discussions_url": "GitHub Discussions",
}

// ownKeys are the keys of an item and its extra: read as something else
// than an other link.
var ownKeys = map[string]bool{
	"name": true, "description": true, "project": true, "homepage_url": true, "repo_url": true,
	"logo": true, "second_path": true, "additional_repos": true, "extra": true,
	"slack_url": true, "chat_channel": true, "mailing_list_url": true, "other_links": true, "audits": true,
}

// item reads one item of place into a project of that name.
func (r *reading) item(n *yaml.Node, name string, place model.Place) (item, error) {
	it := item{project: model.Project{Name: name, Area: place.Area, SubArea: place.SubArea, Line: n.Line}}
	p := &it.project
	if d := text(value(n, "description")); d != "" {
		p.Goal = model.Text{{Text: d}}
	}
	if v := value(n, "project"); v != nil {
		if it.state = text(v); it.state != "" {
			it.stateLine = v.Line
			p.Maturity = model.ParseMaturity([]string{"CNCF: " + it.state})
		}
	}
	extra := value(n, "extra")
	if extra != nil && !isNull(extra) {
		if err := r.check(extra, yaml.MappingNode, "extra"); err != nil {
			return item{}, err
		}
	}
	if err := r.links(&it, n, extra); err != nil {
		return item{}, err
	}
	for _, d := range dateLabels {
		v := value(extra, d.key)
		if d.key == "joined" {
			v = value(n, d.key)
		}
		if date := text(v); date != "" {
			p.Dates = append(p.Dates, model.DatedFact{Label: d.label, Date: date})
		}
	}
	err := r.list(value(n, "second_path"), "second_path", func(e *yaml.Node) {
		if pl, ok := parsePath(text(e)); ok {
			it.paths = append(it.paths, pathAt{pl, e.Line})
			addPlace(p, pl)
		}
	})
	return it, err
}

// links reads the links of item n (extra is its extra:, or nil), each
// with its line: homepage, repository, the Slack channel and mailing list,
// the issues page derived from a GitHub repository, then every other URL.
func (r *reading) links(it *item, n, extra *yaml.Node) error {
	p := &it.project
	add := func(v *yaml.Node, l model.Link) {
		if l.URL = text(v); l.URL != "" {
			l.Line = int32(v.Line)
			p.Links = append(p.Links, l)
		}
	}
	other := func(v *yaml.Node, label string) {
		add(v, model.Link{Label: label, Kind: model.KindOther, Column: model.ColumnProject})
	}
	add(value(n, "homepage_url"), model.Link{Label: p.Name, Kind: model.KindHome, Column: model.ColumnProject})
	repo := value(n, "repo_url")
	add(repo, model.Link{Label: "Repository", Kind: model.KindRepository, Column: model.ColumnProject})
	chat := value(extra, "slack_url")
	add(chat, chatLink(text(chat), text(value(extra, "chat_channel"))))
	add(value(extra, "mailing_list_url"), model.Link{Label: "Mailing list", Kind: model.KindMailingList, Column: model.ColumnCommunication})
	if gh, ok := model.RepoOfURL(text(repo)); ok {
		p.Links = append(p.Links, model.Link{Label: "Issues", URL: gh.URL() + "/issues", Kind: model.KindIssues,
			Column: model.ColumnCommunication, DerivedFrom: model.KindRepository, Line: int32(repo.Line)})
	}
	if err := r.list(value(n, "additional_repos"), "additional_repos", func(e *yaml.Node) {
		other(value(e, "repo_url"), "Additional repository")
	}); err != nil {
		return err
	}
	for _, m := range []*yaml.Node{n, extra} {
		otherURLs(m, other)
	}
	if err := r.list(value(extra, "other_links"), "other_links", func(e *yaml.Node) {
		label := text(value(e, "name"))
		if label == "" {
			label = "Link"
		}
		other(value(e, "url"), label)
	}); err != nil {
		return err
	}
	return r.list(value(extra, "audits"), "audits", func(e *yaml.Node) {
		other(value(e, "url"), auditLabel(e))
	})
}

// list calls each for every entry of a list; nil and null are empty.
func (r *reading) list(n *yaml.Node, what string, each func(*yaml.Node)) error {
	if n == nil || isNull(n) {
		return nil
	}
	if err := r.check(n, yaml.SequenceNode, what); err != nil {
		return err
	}
	for _, e := range n.Content {
		each(e)
	}
	return nil
}

// otherURLs gives other the other URLs of mapping m (an item or its
// extra:) in file order, with their labels: the keys otherLabels names,
// any key ending in _url, and any other text that is an http or https
// URL.
func otherURLs(m *yaml.Node, other func(*yaml.Node, string)) {
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, v := m.Content[i].Value, m.Content[i+1]
		if ownKeys[key] || v.Kind != yaml.ScalarNode {
			continue
		}
		label, known := otherLabels[key]
		switch {
		case known:
		case strings.HasSuffix(key, "_url"), isURL(v.Value):
			label = readable(key)
		default:
			continue
		}
		other(v, label)
	}
}

func isURL(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// readable makes a key a label, inert: "package_manager_url" is
// "Package manager".
func readable(key string) string {
	s := strings.TrimSpace(inert.Text(strings.ReplaceAll(strings.TrimSuffix(key, "_url"), "_", " ")))
	if s == "" {
		return "Link"
	}
	if c := s[0]; 'a' <= c && c <= 'z' {
		s = string(c-'a'+'A') + s[1:]
	}
	return s
}

// auditLabel labels an audit's report: "Security audit (Ada Logics,
// 2024-04-19)".
func auditLabel(e *yaml.Node) string {
	label := "Audit"
	if t := text(value(e, "type")); t != "" {
		label = readable(t) + " audit"
	}
	var about []string
	for _, k := range []string{"vendor", "date"} {
		if s := text(value(e, k)); s != "" {
			about = append(about, s)
		}
	}
	if len(about) > 0 {
		label += " (" + strings.Join(about, ", ") + ")"
	}
	return label
}

// parsePath reads a second_path entry, "Category / Subcategory": cut at
// " / " when there is one, as a name may hold a "/" ("CI/CD"), else at
// the first "/".
func parsePath(s string) (model.Place, bool) {
	area, sub, ok := strings.Cut(s, " / ")
	if !ok {
		area, sub, _ = strings.Cut(s, "/")
	}
	area, sub = strings.TrimSpace(area), strings.TrimSpace(sub)
	return model.Place{Area: area, SubArea: sub}, area != ""
}

// addPlace lists p in place too, unless it is listed there already.
func addPlace(p *model.Project, pl model.Place) {
	if pl == p.Place() {
		return
	}
	for _, o := range p.OtherPlaces {
		if o == pl {
			return
		}
	}
	p.OtherPlaces = append(p.OtherPlaces, pl)
}

// catalog makes the catalog: one project for each name, listed in each of
// the places its items and their second_path give, with the links of all
// of them (the first item's first, then what the others add).
func (r *reading) catalog() *model.Catalog {
	c := &model.Catalog{Title: Title, Areas: r.areas}
	seen := make(map[string]int, len(r.items))
	for i := range r.items {
		it := &r.items[i]
		first, ok := seen[it.project.Name]
		if !ok {
			seen[it.project.Name] = len(c.Projects)
			c.Projects = append(c.Projects, it.project)
			continue
		}
		p := &c.Projects[first]
		addPlace(p, it.project.Place())
		for _, pl := range it.project.OtherPlaces {
			addPlace(p, pl)
		}
		for _, l := range it.project.Links {
			if !hasURL(p.Links, l.URL) {
				p.Links = append(p.Links, l)
			}
		}
	}
	return c
}

func hasURL(links []model.Link, url string) bool {
	for _, l := range links {
		if l.URL == url {
			return true
		}
	}
	return false
}

// otherChats are the hosts of chat services that slack_url names in the
// real file besides Slack, by the name a label gives them.
var otherChats = map[string]string{
	"discord.gg": "Discord", "discord.com": "Discord", "libera.chat": "Libera Chat",
	"web.libera.chat": "Libera Chat", "gitter.im": "Gitter", "app.gitter.im": "Gitter",
	"matrix.to": "Matrix", "zulipchat.com": "Zulip", "t.me": "Telegram",
}

// chatLink is the link slack_url makes, labelled with the channel when
// there is one. The field holds other chats too (Discord, IRC): those
// are no Slack channel, so s does not open them and the label names the
// service.
func chatLink(rawURL, channel string) model.Link {
	l := model.Link{Label: cmp.Or(channel, "Slack"), Kind: model.KindSlack, Column: model.ColumnCommunication}
	u, err := url.Parse(rawURL)
	if err != nil {
		return l
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	service, ok := otherChats[host]
	if !ok && strings.HasSuffix(host, ".zulipchat.com") {
		service, ok = "Zulip", true
	}
	if ok {
		l.Kind = model.KindOther
		l.Label = service
		if channel != "" {
			l.Label = channel + " (" + service + ")"
		}
	}
	return l
}
