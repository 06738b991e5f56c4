package search

import (
	"context"
	"slices"
	"strings"
	"testing"

	"reportsearch/query"
)

// TestRegionFilter: region: keeps a search to the reports of a place, by
// any of its names; a place without a report matches nothing.
func TestRegionFilter(t *testing.T) {
	e := mustMultiEngine(t)
	ctx := context.Background()
	regionOf := func(report string) []string {
		r, _ := e.Catalog().Report(report)
		return r.Region.Names()
	}
	all, err := e.Search(ctx, Request{Query: parse(t, "地区生产总值"), Size: MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"地区生产总值 region:广东", "地区生产总值 地区:广东省", "地区生产总值 region:新疆", "地区生产总值 region:海拉尔"} {
		res, err := e.Search(ctx, Request{Query: parse(t, q), Size: MaxPageSize})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if res.Total == 0 || res.Total >= all.Total {
			t.Errorf("%s: %d hits of %d without the filter", q, res.Total, all.Total)
		}
		name := q[strings.LastIndex(q, ":")+1:]
		for _, h := range res.Hits {
			if !slices.Contains(regionOf(h.Report), name) {
				t.Errorf("%s: hit %s of %v", q, h.ID, regionOf(h.Report))
			}
		}
	}
	// The region facet counts what the report facet counts, by place, and
	// each of its values filters to as many matches as it counts.
	byRegion := 0
	for _, v := range all.Facets["region"] {
		byRegion += v.Count
		res, err := e.Search(ctx, Request{Query: parse(t, "地区生产总值"), Filters: []query.Filter{query.RegionFilter(v.Value)}})
		if err != nil || res.Total != v.Count {
			t.Errorf("region facet %s counts %d, its filter finds %d (%v)", v.Value, v.Count, res.Total, err)
		}
	}
	byReport := 0
	for _, v := range all.Facets["report"] {
		if e.Catalog().PlaceOf(v.Value) != "" { // the reports of a known or inferred place
			byReport += v.Count
		}
	}
	if byRegion != byReport || len(all.Facets["region"]) < 8 {
		t.Errorf("region facet %v counts %d, report facet %d", all.Facets["region"], byRegion, byReport)
	}
	res, err := e.Search(ctx, Request{Query: parse(t, "地区生产总值 region:北京")})
	if err != nil || res.Total != 0 {
		t.Errorf("region:北京: %v hits, err %v; want none", res.Total, err)
	}
}

// TestPlaceAsSearchTerm: a query word that names a place matches the
// paragraphs of its reports, which speak for it without naming it, as well
// as the paragraphs that name it.
func TestPlaceAsSearchTerm(t *testing.T) {
	e := mustMultiEngine(t)
	ctx := context.Background()
	all, err := e.Search(ctx, Request{Query: parse(t, "城镇新增就业"), Size: MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"广东", "河北省", "海拉尔区"} {
		res, err := e.Search(ctx, Request{Query: parse(t, name+" 城镇新增就业"), Size: MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total == 0 || res.Total >= all.Total {
			t.Errorf("%s 城镇新增就业: %d hits of %d for 城镇新增就业", name, res.Total, all.Total)
		}
		for _, h := range res.Hits {
			r, _ := e.Catalog().Report(h.Report)
			if !slices.Contains(r.Region.Names(), name) && !strings.Contains(h.Text, name) {
				t.Errorf("%s 城镇新增就业: hit %s neither of %s nor naming it", name, h.ID, name)
			}
			if h.Match == MatchPartial {
				t.Errorf("%s 城镇新增就业: hit %s is a partial match", name, h.ID)
			}
		}
	}
}
