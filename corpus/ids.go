package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"
)

// Slug turns a file name into a report ID: lower-case ASCII letters, digits
// and hyphens, without the extension and encoding tags
// (046_district_hailar_2012_gwr.gb18030.txt → 046-district-hailar-2012-gwr).
// Characters it cannot keep (a Chinese file name) are replaced by a short
// hash of the name, so that two Chinese names never share a slug.
func Slug(name string) string {
	base := filepath.Base(name)
	for {
		ext := strings.ToLower(filepath.Ext(base))
		switch ext {
		case ".txt", ".md", ".text", ".markdown", ".gb18030", ".gbk", ".gb2312", ".utf8", ".utf-8":
			base = strings.TrimSuffix(base, filepath.Ext(base))
			continue
		}
		break
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

// assignIDs gives sections their paths and paragraphs their IDs. A section's
// path component is its number (三 → 3), "a"+number for an appendix, or a
// count among unnumbered siblings; a repeated number gets a "~2" suffix.
func (p *parser) assignIDs() {
	for i, para := range p.r.Preamble {
		para.Ordinal = i + 1
		para.ID = p.r.ID + "/p" + strconv.Itoa(i+1)
	}
	var walk func(prefix string, ss []*Section)
	walk = func(prefix string, ss []*Section) {
		seen := map[string]int{}
		for i, s := range ss {
			comp := strconv.Itoa(s.Number)
			switch {
			case s.style == styleAppendix && s.Number > 0:
				comp = "a" + comp
			case s.style == styleAppendix || s.style == styleImplicitList:
				comp = "a" + strconv.Itoa(i+1)
			case s.Number == 0:
				comp = "s" + strconv.Itoa(i+1)
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
