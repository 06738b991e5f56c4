package catalog

import (
	"path"
	"strconv"
	"strings"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/lexicon"
)

// labelSeparator stands between a label's place and its kind.
const labelSeparator = " · "

// reportKind is a row of lexicon's report-kinds: the words a title holds
// and the label of a report of that kind.
type reportKind struct {
	words []string
	label string
}

var reportKinds = func() []reportKind {
	var out []reportKind
	for _, r := range lexicon.Table("report-kinds", "words", "label") {
		out = append(out, reportKind{words: strings.Split(r[0], "+"), label: r[1]})
	}
	return out
}()

// Label is a report's short label, as every result shows it: its place, the
// year it was delivered in and its kind (北京市 · 2025年政府工作报告, 上城区 ·
// 2022年计划执行与2023年计划草案). It is unique among the catalogued reports:
// two reports that would share one are told apart by their file names. An
// ID the catalog does not hold has no label.
func (c *Catalog) Label(id string) string { return c.labels[id] }

// PlaceLabel is the place part of a report's label ("" when its place is not
// known): the facet of reports groups by it.
func (c *Catalog) PlaceLabel(id string) string {
	place, _, ok := strings.Cut(c.labels[id], labelSeparator)
	if !ok {
		return ""
	}
	return place
}

// labelReports gives every report its label, once the places are known.
func (c *Catalog) labelReports() {
	c.labels = make(map[string]string, len(c.reports))
	uses := map[string]int{}
	for _, r := range c.reports {
		l := c.kindLabel(r.Meta)
		if place := c.shortPlace(r); place != "" {
			l = place + labelSeparator + l
		}
		c.labels[r.ID] = l
		uses[l]++
	}
	// Told apart by their file names, or, when those are alike too (one
	// name in two folders), by their IDs, which are unique.
	tell := func(r indexer.ReportEntry) string {
		name := path.Base(r.Source)
		return strings.TrimSuffix(name, path.Ext(name))
	}
	names := map[string]int{}
	for _, r := range c.reports {
		if uses[c.labels[r.ID]] > 1 {
			names[c.labels[r.ID]+tell(r)]++
		}
	}
	for _, r := range c.reports {
		if l := c.labels[r.ID]; uses[l] > 1 {
			by := tell(r)
			if names[l+by] > 1 {
				by = r.ID
			}
			c.labels[r.ID] = l + "（" + by + "）"
		}
	}
}

// shortPlace is the name of a report's own division as the report names it
// (上城区 of 浙江省杭州市上城区; 清苑县 in 2005 and 清苑区 in 2023; 全国 for the
// State Council), with its larger division when another indexed place has
// that name too (北京市朝阳区, 长春市朝阳区); "" when its place is not known.
func (c *Catalog) shortPlace(r indexer.ReportEntry) string {
	region := r.Region
	if len(region) == 0 {
		region = c.placeRegion[c.placeOf[r.ID]] // inferred from its text
	}
	if len(region) == 0 {
		return ""
	}
	own := region[len(region)-1]
	if strings.Contains(c.full[own], "、") {
		if len(region) > 1 {
			return region[len(region)-2] + own
		}
		if f := c.placeOf[r.ID]; f != "" {
			return f
		}
	}
	return own
}

// kindLabel is the kind part of a report's label: the first row of
// report-kinds whose words its title holds, with its years.
func (c *Catalog) kindLabel(m corpus.Meta) string {
	kind := reportKinds[len(reportKinds)-1].label
	for _, k := range reportKinds {
		if holdsAll(m.Title, k.words) {
			kind = k.label
			break
		}
	}
	year := c.DeliveredYear(m.ID)
	if year == 0 {
		return strings.NewReplacer("{year}年", "", "{prev}年", "").Replace(kind)
	}
	return strings.NewReplacer("{year}", strconv.Itoa(year), "{prev}", strconv.Itoa(year-1)).Replace(kind)
}

// holdsAll reports whether s holds every word.
func holdsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}
