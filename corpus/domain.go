package corpus

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed domains.txt
var defaultDomains []byte

// Taxonomy is the list of policy domains that paragraphs and sentences are
// tagged with, read from a file users can edit (see domains.txt).
type Taxonomy struct {
	Domains  []Domain
	CatchAll string // the domain of text that matches nothing

	byFirst map[rune][]keywordRef // keywords by their first character, for Match
}

// String writes the taxonomy in the format ParseTaxonomy reads, one domain a
// line with its keywords, the catch-all last: an index keeps the taxonomy
// its reports were tagged with this way.
func (t *Taxonomy) String() string {
	var b strings.Builder
	for _, d := range t.Domains {
		b.WriteString(d.Name + "\t" + strings.Join(d.Keywords, "、") + "\n")
	}
	b.WriteString(t.CatchAll + "\n")
	return b.String()
}

// keywordRef is a keyword and the index of its domain.
type keywordRef struct {
	keyword string
	domain  int
}

// Domain is one policy domain and the keywords that signal it.
type Domain struct {
	Name     string
	Keywords []string
}

// DefaultTaxonomy returns the taxonomy embedded in the binary.
// It is parsed once; a taxonomy is only read after it is made.
func DefaultTaxonomy() *Taxonomy { return defaultTaxonomy() }

var defaultTaxonomy = sync.OnceValue(func() *Taxonomy {
	t, err := ParseTaxonomy(bytes.NewReader(defaultDomains))
	if err != nil {
		panic("corpus: embedded domains.txt: " + err.Error()) // a build defect, caught by tests
	}
	return t
})

// ParseTaxonomy reads a taxonomy: one domain a line, "name<TAB>kw1、kw2、…",
// '#' comments and blank lines ignored. The last domain, which must have no
// keywords, is the catch-all. Errors give the line number.
func ParseTaxonomy(r io.Reader) (*Taxonomy, error) {
	t := &Taxonomy{}
	seen := map[string]bool{}
	err := EachDataLine(r, "domains", func(n int, line string) error {
		if t.CatchAll != "" {
			return fmt.Errorf("domains: line %d: the catch-all domain %q must be the last line", n, t.CatchAll)
		}
		name, kws, _ := strings.Cut(line, "\t")
		name = strings.TrimSpace(name)
		if name == "" || seen[name] {
			return fmt.Errorf("domains: line %d: empty or repeated domain name %q", n, name)
		}
		seen[name] = true
		d := Domain{Name: name, Keywords: SplitList(kws, "、,，\t")}
		if len(d.Keywords) == 0 {
			t.CatchAll = name
			return nil
		}
		t.Domains = append(t.Domains, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(t.Domains) == 0 {
		return nil, fmt.Errorf("domains: no domain with keywords")
	}
	if t.CatchAll == "" {
		return nil, fmt.Errorf("domains: the last line must be a catch-all domain without keywords")
	}
	t.byFirst = map[rune][]keywordRef{}
	for i, d := range t.Domains {
		for _, kw := range d.Keywords {
			r, _ := utf8.DecodeRuneInString(kw)
			t.byFirst[r] = append(t.byFirst[r], keywordRef{kw, i})
		}
	}
	return t, nil
}

// Match returns the domains whose keywords occur in text, in taxonomy order.
// It reads text once, trying at each character only the keywords that start
// with it.
func (t *Taxonomy) Match(text string) []string {
	found := make([]bool, len(t.Domains))
	n := 0
	for i, r := range text {
		for _, k := range t.byFirst[r] {
			if !found[k.domain] && strings.HasPrefix(text[i:], k.keyword) {
				found[k.domain] = true
				n++
			}
		}
		if n == len(t.Domains) {
			break
		}
	}
	var out []string
	for i, ok := range found {
		if ok {
			out = append(out, t.Domains[i].Name)
		}
	}
	return out
}

// Names lists every domain name, the catch-all last.
func (t *Taxonomy) Names() []string {
	var out []string
	for _, d := range t.Domains {
		out = append(out, d.Name)
	}
	return append(out, t.CatchAll)
}

// Tag tags every paragraph, sentence, figure and commitment of the report
// with domains from t, replacing earlier tags.
//
// A paragraph's domains are the few it is about, scored from its keywords
// (see domain_score.go): its own heading and first sentence count most. A
// paragraph without a keyword takes the domains of the nearest heading
// above it that has any, and finally the catch-all, so everything has at
// least one domain. A sentence's domains are those of its paragraph's it
// speaks of (see sentenceDomains); a figure or commitment has its
// sentence's.
func (r *Report) Tag(t *Taxonomy) {
	tag := func(ps []*Paragraph, headings []string) {
		context := []string{t.CatchAll}
		for _, h := range headings { // outermost first; the nearest wins
			if m := t.Best(h); len(m) > 0 {
				context = m
			}
		}
		own := ""
		if len(headings) > 0 {
			own = headings[len(headings)-1]
		}
		for _, p := range ps {
			p.Domains = t.paragraphDomains(p, own)
			if len(p.Domains) == 0 {
				p.Domains = slices.Clone(context)
			}
			for i := range p.Sentences {
				s := &p.Sentences[i]
				s.Domains = t.sentenceDomains(s.Text(p), p.Domains)
			}
			for _, f := range p.Figures {
				f.Domains = p.sentenceAt(f.Start).Domains
			}
		}
	}
	tag(r.Preamble, nil)
	var walk func(ss []*Section, headings []string)
	walk = func(ss []*Section, headings []string) {
		for _, s := range ss {
			hs := append(slices.Clone(headings), s.Title)
			tag(s.Paragraphs, hs)
			walk(s.Sections, hs)
		}
	}
	walk(r.Sections, nil)
	for _, c := range r.Commitments {
		c.Domains = r.Paragraph(c.ParagraphID).sentenceAt(c.Start).Domains
	}
}

// sentenceAt returns the sentence that contains byte offset i.
func (p *Paragraph) sentenceAt(i int) Sentence {
	for _, s := range p.Sentences {
		if i >= s.Start && i < s.End {
			return s
		}
	}
	return Sentence{}
}
