package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// encodingTags are file-name suffixes that name an encoding, not a report.
var encodingTags = []string{".gb18030", ".gbk", ".gb2312", ".utf8", ".utf-8"}

// Slug turns a file name, or a path below a directory of reports, into a
// report ID: lower-case ASCII letters, digits and hyphens, without the
// extension and encoding tags (046_district_hailar_2012_gwr.gb18030.txt →
// 046-district-hailar-2012-gwr; 2023/shangcheng.txt → 2023-shangcheng).
// Characters it cannot keep (a Chinese file name) are replaced by a short
// hash of the name, so that two Chinese names never share a slug.
func Slug(name string) string {
	base := filepath.ToSlash(name)
	for {
		ext := strings.ToLower(filepath.Ext(base))
		if !slices.Contains(reportExts, ext) && !slices.Contains(encodingTags, ext) {
			break
		}
		base = stripExt(base)
	}
	var b strings.Builder
	dropped := false
	hyphen := false
	for _, r := range strings.ToLower(base) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r < 0x80:
			hyphen = true
		default:
			dropped = true
			hyphen = true
		}
	}
	slug := b.String()
	if dropped || slug == "" {
		sum := sha256.Sum256([]byte(base))
		h := hex.EncodeToString(sum[:4])
		if slug == "" {
			return "report-" + h
		}
		return slug + "-" + h
	}
	return slug
}

// assignIDs gives sections their paths and paragraphs their IDs. A
// section's path component is its number (三 → 3); "a" and the number for a
// numbered appendix (附件2 → a2); "x" and a count among its unnumbered
// siblings for an unnumbered appendix or an appended list, so that removing
// one of those does not renumber 附件2. A repeated number gets "~2".
func (p *parser) assignIDs() {
	for i, para := range p.r.Preamble {
		para.Ordinal = i + 1
		para.ID = p.r.ID + "/p" + strconv.Itoa(i+1)
	}
	var walk func(prefix string, ss []*Section)
	walk = func(prefix string, ss []*Section) {
		seen := map[string]int{}
		unnumbered := 0
		for _, s := range ss {
			comp := strconv.Itoa(s.Number)
			switch {
			case s.Number == 0:
				unnumbered++
				comp = "x" + strconv.Itoa(unnumbered)
			case s.style == styleAppendix:
				comp = "a" + comp
			}
			seen[comp]++
			if n := seen[comp]; n > 1 {
				comp += "~" + strconv.Itoa(n)
			}
			s.Path = comp
			if prefix != "" {
				s.Path = prefix + "." + comp
			}
			s.ID = p.r.ID + "/" + s.Path
			// Empty lists, not nil: JSON consumers get [] rather than null.
			if s.Paragraphs == nil {
				s.Paragraphs = []*Paragraph{}
			}
			if s.Sections == nil {
				s.Sections = []*Section{}
			}
			for j, para := range s.Paragraphs {
				para.Ordinal = j + 1
				para.SectionID = s.ID
				para.ID = s.ID + "/p" + strconv.Itoa(j+1)
			}
			walk(s.Path, s.Sections)
		}
	}
	walk("", p.r.Sections)
}

// ReportOfID is the report ID a paragraph, section or figure ID begins with:
// shangcheng-2022-plan-report of shangcheng-2022-plan-report/2.1/p1.
func ReportOfID(id string) string {
	report, _, _ := strings.Cut(id, "/")
	return report
}
