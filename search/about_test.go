package search

import (
	"context"
	"strings"
	"testing"
)

// TestAboutness: a paragraph led by the query, or under a heading that
// names it, is more about it than one that lists it among other things.
func TestAboutness(t *testing.T) {
	e := engineFor(t, "一、工作回顾\n（一）加快发展低空经济\n培育新兴产业。\n")
	p := e.plan(parse(t, "低空经济"))
	for _, tc := range []struct {
		name    string
		hit     Hit
		atLeast float64
		below   float64
	}{
		{"heading", Hit{Heading: "一、工作回顾 › （一）加快发展低空经济", Text: "培育新兴产业。"}, aboutHeading, 99},
		{"lead", Hit{Heading: "一、工作回顾", Text: "低空经济起步。建成机场2个。"}, aboutLead, aboutLead + 0.01},
		{"listed", Hit{Heading: "一、工作回顾", Text: "培育人工智能、低空经济、生物制造等产业，成效明显。总体平稳。"}, aboutListed + aboutLead, aboutLead},
		{"passing", Hit{Heading: "一、工作回顾", Text: "总体平稳。还发展了低空经济。"}, 0, 0.01},
	} {
		got := p.aboutness(tc.hit, foldHit(tc.hit))
		if got < tc.atLeast || got >= tc.below {
			t.Errorf("%s: aboutness %.2f, want in [%.2f, %.2f)", tc.name, got, tc.atLeast, tc.below)
		}
	}
}

// TestAdjacentTermsRankFirst: a paragraph that writes a query's terms as
// one (垃圾分类 for 垃圾 分类) ranks above those that have them apart, even
// when those say each more often.
func TestAdjacentTermsRankFirst(t *testing.T) {
	e := engineFor(t, "一、工作回顾\n"+
		"垃圾清运，分类收集。\n"+
		"全面推进城乡环境整治，改善人居环境，完善市政基础设施，持续推进垃圾分类，提升群众满意度和获得感。\n"+
		"生活垃圾日产日清，厨余分类。\n")
	res, err := e.Search(context.Background(), Request{Query: parse(t, "垃圾 分类")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 3 || !strings.Contains(res.Hits[0].Text, "垃圾分类") {
		t.Fatalf("%d hits, the first %q", len(res.Hits), res.Hits[0].Text)
	}
}
