package landscape

import (
	"reflect"
	"testing"
)

func TestURLSpans(t *testing.T) {
	for line, want := range map[string][]string{
		"            homepage_url: https://www.airshipit.org/": {"https://www.airshipit.org/"},
		"  repo_url: https://github.com/a/b  # the main one":   {"https://github.com/a/b"},
		`  slack_url: "https://slack.example/x"`:               {"https://slack.example/x"},
		`  slack_url: "https://slack.example/\u0078"`:          nil,
		"  blog_url: 'https://blog.example/'":                  nil,
		"      - https://one.example/a":                        {"https://one.example/a"},
		"  name: Airship":                                      {"Airship"},
		"  items:":                                             nil,
		"landscape:":                                           nil,
		"  url: https://a.example/x#frag":                      {"https://a.example/x#frag"},
	} {
		var got []string
		for _, sp := range URLSpans([]byte(line)) {
			got = append(got, line[sp[0]:sp[1]])
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %q, want %q", line, got, want)
		}
	}
}
