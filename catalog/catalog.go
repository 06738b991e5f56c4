package catalog

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/lexicon"
)

// Catalog is the reports of an index and the places they speak for. It is
// built once, by New, when an index is opened, and only read afterwards: it
// is safe for concurrent use. The slices its methods return are its own,
// shared by every caller: read them, never modify them.
type Catalog struct {
	reports []indexer.ReportEntry
	byID    map[string]int
	byCode  map[string][]string // a report's citation code → the reports of that code

	names   []string                 // every place name, longest first
	ofName  map[string][]string      // name → the reports of the places it names; none for a parent
	full    map[string]string        // name → the place as one name: 上城 → 杭州市上城区; "" for a parent
	region  map[string]corpus.Region // name → the region of the (first) place it names
	placeOf map[string]string        // report ID → its place as one name
	// placeRegion is the region of each place as one name (placeOf's
	// values).
	placeRegion map[string]corpus.Region
	labels      map[string]string // report ID → its label (see Label)
	// unplaced are the reports whose place is not known (no issuer,
	// meeting or title names it) and that InferPlaces could not place.
	unplaced []string
}

// place is one region and the reports that speak for it.
type place struct {
	region  corpus.Region   // its fullest name, the newest report's when as full
	regions []corpus.Region // as its reports name it, each once
	reports []string
	newest  int // the year its newest report was delivered in
}

// Counter counts, for names of a place, the paragraphs of each of the given
// reports that have one of them (a report without any may be left out).
type Counter func(names, reports []string) (map[string]int, error)

// New catalogs the reports an index's manifest lists, giving each report
// whose place its metadata does not name the indexed place its text names
// most (see inferPlaces), counted with count; count may be nil when no
// place is to be inferred.
func New(entries []indexer.ReportEntry, count Counter) (*Catalog, error) {
	c := catalogOf(entries)
	if count != nil {
		if err := c.inferPlaces(count); err != nil {
			return nil, err
		}
	}
	c.labelReports()
	return c, nil
}

// catalogOf catalogs the reports by the places their metadata names.
func catalogOf(entries []indexer.ReportEntry) *Catalog {
	c := &Catalog{reports: entries, byID: map[string]int{}, ofName: map[string][]string{}, full: map[string]string{},
		region: map[string]corpus.Region{}, placeOf: map[string]string{}, placeRegion: map[string]corpus.Region{}}
	c.byCode = map[string][]string{}
	for i, r := range entries {
		c.byID[r.ID] = i
		code := corpus.ReportCode(r.ID)
		c.byCode[code] = append(c.byCode[code], r.ID)
	}
	// Reports of one place may name it more or less fully (海拉尔区人民政府,
	// 呼伦贝尔市海拉尔区第十五届人民代表大会), or by the name its division
	// held that year (清苑县 until 2015, 清苑区 since): they are one place,
	// known by its newest and fullest name. Places of one name in
	// different cities (北京市朝阳区, 长春市朝阳区) are not.
	var places []*place
	// Places by the short name of their own division, which one place's
	// names share (samePlace): a report is compared with the few places of
	// its name, not with every place of a library of thousands.
	byOwnName := map[string][]int{}
	for _, r := range entries {
		if len(r.Region) == 0 {
			c.unplaced = append(c.unplaced, r.ID)
			continue
		}
		own := corpus.ShortRegionName(r.Region[len(r.Region)-1])
		k := slices.IndexFunc(byOwnName[own], func(i int) bool { return samePlace(places[i].region, r.Region) })
		i := -1
		if k >= 0 {
			i = byOwnName[own][k]
		} else {
			places = append(places, &place{region: r.Region})
			i = len(places) - 1
			byOwnName[own] = append(byOwnName[own], i)
		}
		if p := places[i]; len(r.Region) > len(p.region) || len(r.Region) == len(p.region) && c.DeliveredYear(r.ID) >= p.newest {
			p.region = r.Region
		}
		places[i].newest = max(places[i].newest, c.DeliveredYear(r.ID))
		if !slices.ContainsFunc(places[i].regions, func(known corpus.Region) bool { return slices.Equal(known, r.Region) }) {
			places[i].regions = append(places[i].regions, r.Region)
		}
		places[i].reports = append(places[i].reports, r.ID)
	}
	add := func(name, full string, reports []string) {
		if _, seen := c.full[name]; !seen {
			c.names = append(c.names, name)
			c.full[name] = full
		} else if full != "" && c.full[name] != full && !strings.Contains(c.full[name], full) {
			c.full[name] = strings.TrimPrefix(c.full[name]+"、"+full, "、") // 朝阳区: 北京市朝阳区、长春市朝阳区
		}
		if len(c.ofName[name]) == 0 {
			c.ofName[name] = slices.Clone(reports) // a place's reports, each once
			return
		}
		for _, id := range reports {
			if !slices.Contains(c.ofName[name], id) {
				c.ofName[name] = append(c.ofName[name], id)
			}
		}
	}
	for _, p := range places {
		c.placeRegion[p.region.String()] = p.region
		for _, id := range p.reports {
			c.placeOf[id] = p.region.String()
		}
		for _, r := range p.regions {
			for _, n := range placeNames(r) {
				add(n, p.region.String(), p.reports)
				if _, ok := c.region[n]; !ok {
					c.region[n] = p.region
				}
			}
		}
	}
	// A larger division of an indexed place (杭州市 of 杭州市上城区) is a
	// place with no report of its own: the district's figures do not answer
	// for the city.
	for _, p := range places {
		for _, parent := range p.region[:len(p.region)-1] {
			if _, known := c.full[parent]; !known {
				add(parent, "", nil)
			}
		}
	}
	slices.SortStableFunc(c.names, func(a, b string) int { return len(b) - len(a) })
	return c
}

// samePlace reports whether two regions are one place: the same division,
// named as fully or not ([海拉尔区] and [呼伦贝尔市 海拉尔区]), or by the names
// it held in different years ([河北省 保定市 清苑县] and [保定市 清苑区]):
// their own divisions have one short name, and so do the larger divisions
// both name.
//
// A short name alone does not make one place: 吉林省 and 吉林市, 海南省 and
// 海南藏族自治州 share theirs. Two names that differ are one division only
// if the gazetteer has them at one level (清苑县 and 清苑区 are both of the
// county level); names it does not know are taken as written.
func samePlace(a, b corpus.Region) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	a = a[len(a)-len(b):]
	for i := range b {
		if a[i] != b[i] && (corpus.ShortRegionName(a[i]) != corpus.ShortRegionName(b[i]) || !sameLevel(a[i], b[i])) {
			return false
		}
	}
	return true
}

// sameLevel reports whether the gazetteer has a division of each name at
// one level, or knows neither name.
func sameLevel(a, b string) bool {
	g := lexicon.Places()
	da, db := g.Named(a), g.Named(b)
	if len(da) == 0 && len(db) == 0 {
		return true
	}
	for _, x := range da {
		for _, y := range db {
			if x.Level == y.Level {
				return true
			}
		}
	}
	return false
}

// placeNames are the names a question may give a region's place: its own
// division's full and short name (清苑区, 清苑), alone and after any larger
// division's (保定市清苑区, 保定清苑, 河北清苑区), and the whole chain
// (河北省保定市清苑区). The larger divisions alone are not names of it: a
// question about 保定市 is not answered from a report of 清苑区. The country
// is known by its national names (全国, 中国, 我国).
func placeNames(r corpus.Region) []string {
	if r[0] == corpus.National {
		return slices.Clone(nationalNames)
	}
	forms := func(name string) []string {
		if short := corpus.ShortRegionName(name); short != name {
			return []string{name, short}
		}
		return []string{name}
	}
	own := forms(r[len(r)-1])
	names := []string{r.String()}
	for _, parent := range r[:len(r)-1] {
		for _, p := range forms(parent) {
			for _, o := range own {
				names = append(names, p+o)
			}
		}
	}
	names = append(names, own...)
	slices.Sort(names)
	return slices.Compact(names)
}

// ReportsWithCode are the reports whose citation code is code
// (corpus.ReportCode): one, or none; two only in the rare library where
// two report IDs hash alike, which a citation code then names both of.
func (c *Catalog) ReportsWithCode(code string) []string { return c.byCode[code] }

// Reports lists the catalogued reports, in the index's order.
func (c *Catalog) Reports() []indexer.ReportEntry { return c.reports }

// Report returns the entry of a report, or false.
func (c *Catalog) Report(id string) (indexer.ReportEntry, bool) {
	i, ok := c.byID[id]
	if !ok {
		return indexer.ReportEntry{}, false
	}
	return c.reports[i], true
}

// Meta is what a citation of a report names; empty for a report the index
// does not hold.
func (c *Catalog) Meta(id string) corpus.Meta {
	r, _ := c.Report(id)
	return r.Meta
}

// DeliveredYear is the year a report was delivered in, or 0 when it is not
// known.
func (c *Catalog) DeliveredYear(id string) int {
	r, ok := c.Report(id)
	if !ok {
		return 0
	}
	if r.Delivered != 0 {
		return r.Delivered
	}
	if len(r.Date) >= 4 {
		if y, err := strconv.Atoi(r.Date[:4]); err == nil {
			return y
		}
	}
	return 0
}

// NewestYear is the year the newest of the given reports was delivered in
// (of all reports when none are given), or 0.
func (c *Catalog) NewestYear(ids []string) int {
	y := 0
	if len(ids) == 0 {
		for _, r := range c.reports {
			y = max(y, c.DeliveredYear(r.ID))
		}
	}
	for _, id := range ids {
		y = max(y, c.DeliveredYear(id))
	}
	return y
}

// Names are the names places are known by, longest first: 杭州市上城区, 上城区,
// 上城, 广东省, 广东, and larger divisions of indexed places (杭州市).
func (c *Catalog) Names() []string { return c.names }

// NameAt returns the longest name of a place that text starts with, or "".
func (c *Catalog) NameAt(text string) string {
	for _, n := range c.names {
		if strings.HasPrefix(text, n) {
			return n
		}
	}
	return ""
}

// ReportsOf returns the reports of the place a name names, or nil (none for
// a larger division of an indexed place, which has no report of its own).
func (c *Catalog) ReportsOf(name string) []string { return c.ofName[name] }

// ErrUnknownPlace is returned for a name of no place whose reports the
// catalog holds.
var ErrUnknownPlace = errors.New("unknown place")

// maxPlacesNamed bounds the places an unknown place's error lists.
const maxPlacesNamed = 20

// ReportsOfPlaces returns the reports of the places the names name, in
// the names' order; a name of no place with reports is an error that
// names it and lists places that have some.
func (c *Catalog) ReportsOfPlaces(names []string) ([]string, error) {
	var out []string
	for _, name := range names {
		ids := c.ReportsOf(name)
		if len(ids) == 0 {
			var known []string
			for _, r := range c.reports {
				if p := c.placeOf[r.ID]; p != "" && !slices.Contains(known, p) {
					known = append(known, p)
				}
			}
			return nil, &PlaceError{Name: name, Loaded: known[:min(len(known), maxPlacesNamed)], Total: len(known)}
		}
		out = append(out, ids...)
	}
	return out, nil
}

// FullName is the place a name names as the reports know it (上城 →
// 杭州市上城区; two places of one name joined by 、), "" for a larger division
// of an indexed place, and false for a name that is not a place here.
func (c *Catalog) FullName(name string) (string, bool) {
	f, ok := c.full[name]
	return f, ok
}

// RegionOf is the region of the place a name names (the first, for a name
// of two places), or nil for a name of no indexed place.
func (c *Catalog) RegionOf(name string) corpus.Region { return c.region[name] }

// PlaceOf is the place a report speaks for as one name, or "" when it is
// not known.
func (c *Catalog) PlaceOf(id string) string { return c.placeOf[id] }

// inferPlaces gives each report whose place could not be read the indexed
// place its text names most (驻马店 in a report that says only 我代表市人民政府),
// if it names that place in more paragraphs than any other, and in two at
// least. The country (全国) is named by every report and is never inferred.
// count returns, for names of a place, the number of paragraphs of each of
// the reports that has one.
func (c *Catalog) inferPlaces(count Counter) error {
	if len(c.unplaced) == 0 {
		return nil
	}
	byPlace := map[string][]string{} // place → its names
	var places []string
	for _, n := range c.names {
		if f := c.full[n]; f != "" && f != corpus.National && !strings.Contains(f, "、") {
			if _, ok := byPlace[f]; !ok {
				places = append(places, f)
			}
			byPlace[f] = append(byPlace[f], n)
		}
	}
	best := map[string]string{} // report → place
	most, second := map[string]int{}, map[string]int{}
	for _, f := range places {
		counts, err := count(byPlace[f], c.unplaced)
		if err != nil {
			return err
		}
		for report, n := range counts {
			switch {
			case n > most[report]:
				second[report], most[report], best[report] = most[report], n, f
			case n > second[report]:
				second[report] = n
			}
		}
	}
	var still []string
	for _, id := range c.unplaced {
		f := best[id]
		if f == "" || most[id] < 2 || most[id] == second[id] {
			still = append(still, id)
			continue
		}
		c.placeOf[id] = f
		for _, n := range c.names {
			if c.full[n] == f {
				c.ofName[n] = append(c.ofName[n], id)
			}
		}
	}
	c.unplaced = still
	return nil
}

// nationalNames name the whole country, but also begin words (全国文明城区,
// 中国式现代化, 我国首个).
var nationalNames = corpus.Region{corpus.National}.Names() // lexicon's national-names, as the parser reads them

// IsGeneric reports whether a place name names the whole country and may
// as well begin a word: 全国, 中国, 我国.
func IsGeneric(name string) bool { return slices.Contains(nationalNames, name) }

// NationalNames are the names of the whole country a question may use.
func NationalNames() []string { return slices.Clone(nationalNames) }
