package corpus

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteOutline writes the report as an indented outline: metadata, then one
// line per section (label, title, year and kind, paragraph count) followed by
// its paragraph IDs. It is the text form of `reportsearch parse` and of the
// golden files the parser is tested against.
func (r *Report) WriteOutline(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s  %s\n", r.ID, r.Title)
	meta := []string{}
	delivered := ""
	if r.Delivered != 0 {
		delivered = fmt.Sprintf("%d (%s)", r.Delivered, r.DeliveredFrom)
	}
	for _, kv := range [][2]string{{"issuer", r.Issuer}, {"speaker", r.Speaker}, {"date", r.Date}, {"delivered", delivered}, {"meeting", r.Meeting}, {"region", strings.Join(r.Region, " ")}, {"code", r.RegionCode}, {"encoding", r.Encoding}} {
		if kv[1] != "" {
			meta = append(meta, kv[0]+" "+kv[1])
		}
	}
	if len(r.Years) > 0 {
		meta = append(meta, fmt.Sprintf("years %v", r.Years))
	}
	fmt.Fprintf(bw, "  %s\n", strings.Join(meta, " · "))
	if len(r.Preamble) > 0 {
		fmt.Fprintf(bw, "  (preamble) %s\n", paragraphSummary(r.Preamble))
	}
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			indent := strings.Repeat("  ", s.Level)
			var period []string
			if s.Year != 0 {
				period = append(period, fmt.Sprint(s.Year))
			}
			if s.Kind != KindNone {
				period = append(period, string(s.Kind))
			}
			tag := ""
			if len(period) > 0 {
				tag = "  [" + strings.Join(period, " ") + "]"
			}
			// Paragraphs that follow the subsections in the text (a part's
			// summary after its chapters) are listed after them.
			before, after := s.Paragraphs, []*Paragraph(nil)
			if len(s.Sections) > 0 {
				i := 0
				for i < len(s.Paragraphs) && s.Paragraphs[i].before(s.Sections[0]) {
					i++
				}
				before, after = s.Paragraphs[:i], s.Paragraphs[i:]
			}
			fmt.Fprintf(bw, "%s%s %s%s  %s\n", indent, s.Label, s.Title, tag, paragraphSummary(before))
			walk(s.Sections)
			if len(after) > 0 {
				fmt.Fprintf(bw, "%s  (after %s) %s\n", indent, s.Label, paragraphSummary(after))
			}
		}
	}
	walk(r.Sections)
	return bw.Flush()
}

func paragraphSummary(ps []*Paragraph) string {
	if len(ps) == 0 {
		return "0 paragraphs"
	}
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	unit := "paragraphs"
	if len(ps) == 1 {
		unit = "paragraph"
	}
	return fmt.Sprintf("%d %s: %s", len(ps), unit, strings.Join(ids, " "))
}
