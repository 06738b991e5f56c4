package web

import (
	"slices"

	"reportsearch/corpus"
)

// Library is the parsed reports the server was started on, with the lookups
// the paragraph, figures and commitments pages need. It is built once and
// only read afterwards, so handlers share it without locks.
type Library struct {
	Reports     []*corpus.Report
	Comparisons []corpus.Comparison

	views      []reportView // metadata and counts, for the home and list pages
	paragraphs map[string]*paragraphEntry
	reports    map[string]*corpus.Report
	domains    []string // every domain that tags a paragraph, in taxonomy order
}

// paragraphEntry is a paragraph with its place in the report.
type paragraphEntry struct {
	Report     *corpus.Report
	Paragraph  *corpus.Paragraph
	Headings   []string // the heading path from the part down, as printed
	Prev, Next string   // neighbouring paragraph IDs in reading order; "" at the ends
}

// NewLibrary indexes reports for lookup by ID.
func NewLibrary(reports []*corpus.Report, tax *corpus.Taxonomy) *Library {
	l := &Library{
		Reports:     reports,
		Comparisons: corpus.Compare(reports),
		paragraphs:  map[string]*paragraphEntry{},
		reports:     map[string]*corpus.Report{},
	}
	seen := map[string]bool{}
	for _, r := range reports {
		l.reports[r.ID] = r
		headings := map[string][]string{} // section ID → heading path
		var walk func(ss []*corpus.Section, path []string)
		walk = func(ss []*corpus.Section, path []string) {
			for _, s := range ss {
				h := append(slices.Clip(path), s.Label+s.Title)
				headings[s.ID] = h
				walk(s.Sections, h)
			}
		}
		walk(r.Sections, nil)
		var order []*paragraphEntry // reading order: Paragraphs yields by line
		for p := range r.Paragraphs() {
			order = append(order, &paragraphEntry{Report: r, Paragraph: p, Headings: headings[p.SectionID]})
		}
		for i, e := range order {
			if i > 0 {
				e.Prev = order[i-1].Paragraph.ID
			}
			if i+1 < len(order) {
				e.Next = order[i+1].Paragraph.ID
			}
			l.paragraphs[e.Paragraph.ID] = e
			for _, d := range e.Paragraph.Domains {
				seen[d] = true
			}
		}
	}
	if tax != nil {
		for _, d := range tax.Names() {
			if seen[d] {
				l.domains = append(l.domains, d)
				delete(seen, d)
			}
		}
	}
	for d := range seen {
		l.domains = append(l.domains, d)
	}
	slices.Sort(l.domains[len(l.domains)-len(seen):])
	l.views = makeReportViews(reports)
	return l
}

// paragraph returns the paragraph with this ID, or nil.
func (l *Library) paragraph(id string) *paragraphEntry { return l.paragraphs[id] }

// report returns the report with this ID, or nil.
func (l *Library) report(id string) *corpus.Report { return l.reports[id] }

// reportsFor returns the one report id names, or all reports when id is "".
func (l *Library) reportsFor(id string) []*corpus.Report {
	if id == "" {
		return l.Reports
	}
	if r := l.reports[id]; r != nil {
		return []*corpus.Report{r}
	}
	return nil
}

// Paragraphs counts the paragraphs of all reports.
func (l *Library) Paragraphs() int { return len(l.paragraphs) }
