package indexer

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"reportsearch/t2s"
)

var (
	//go:embed dict/zh_top.txt
	baseDictionary string
	//go:embed dict/policy_terms.txt
	policyTermsFile string
)

// policyTermFreq is the frequency given to policy terms: high enough that a
// term beats its split into two common words, low enough not to swallow
// neighbouring characters.
const policyTermFreq = 50000

// minDictionaryTokens guards against a dictionary that failed to load in
// part: gse then silently cuts text into single characters.
const minDictionaryTokens = 50000

// Segmenter cuts Chinese text into words with their byte offsets. It is
// read-only once loaded and safe for concurrent use.
//
// It reaches gse's segmenter only through closures, never through a field
// of type gse.Segmenter or *gse.Segmenter. A *Segmenter ends up in an
// interface (search.Engine holds one and is a web.Searcher; sync.OnceValues
// marks its type arguments so), and the linker then keeps every exported
// method of every type reachable from Segmenter's fields, because cobra's
// text/template uses reflect.Value.MethodByName. Through a gse.Segmenter
// field that kept gse's LoadDictEmbed and, with it, the ~37 MB of Chinese
// and Japanese dictionaries gse embeds, which this program never loads. A
// closure's captured variables are invisible to reflection, so the linker
// does not follow them. TestBinaryHasNoGseDictionaries guards this.
type Segmenter struct {
	cut     func(text string) []string
	segment func(text []byte) []gse.Segment
	tokens  int // words in the loaded dictionary
}

// Word is a word of a text: its bytes [Start, End) and its position, the
// rune offset of its start (so that a long word and its sub-words line up).
type Word struct {
	Text       string
	Start, End int
	Position   int
}

var sharedSegmenter = sync.OnceValues(loadSegmenter)

// SharedSegmenter returns the process's one segmenter, loading it on first
// use. gse keeps global state while loading, so there must be exactly one;
// load it before serving so the cost is paid at start-up.
func SharedSegmenter() (*Segmenter, error) { return sharedSegmenter() }

// PolicyTerms returns the project's policy terms, in file order.
func PolicyTerms() []string {
	var out []string
	for _, line := range strings.Split(policyTermsFile, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

func loadSegmenter() (*Segmenter, error) {
	var b strings.Builder
	b.Grow(len(baseDictionary) + len(policyTermsFile)*2)
	for _, term := range PolicyTerms() {
		fmt.Fprintf(&b, "%s %d n\n", term, policyTermFreq)
	}
	for _, line := range strings.Split(baseDictionary, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	seg := new(gse.Segmenter) // held only by the closures below: see Segmenter
	seg.SkipLog = true
	seg.NotLoadHMM = true // the HMM model is a package-global map gse rewrites; we do not use it
	if err := seg.LoadDictStr(b.String()); err != nil {
		return nil, fmt.Errorf("indexer: loading the segmenter dictionary: %w", err)
	}
	n := seg.Dict.NumTokens()
	if n < minDictionaryTokens {
		return nil, fmt.Errorf("indexer: the segmenter dictionary has %d words, fewer than %d: refusing to cut text into single characters", n, minDictionaryTokens)
	}
	return &Segmenter{
		cut:     func(text string) []string { return seg.Cut(text, false) },
		segment: func(text []byte) []gse.Segment { return seg.Segment(text) },
		tokens:  n,
	}, nil
}

// Cut splits text into words (gse's dictionary mode, no HMM). Traditional
// characters are cut as their simplified forms, which the dictionary
// knows, and returned simplified.
func (s *Segmenter) Cut(text string) []string { return s.cut(t2s.String(text)) }

// Words returns the words of text in search mode: every word of the best
// segmentation and, for a long word, its dictionary sub-words
// (地区生产总值 → 地区生产总值, 地区, 生产总值, 生产, 总值), each with its
// true byte offsets in text. Latin letters are lower-cased by gse, and
// traditional characters cut and returned as simplified (老舊小區 is the
// word 老旧小区); neither changes a byte length, so offsets stay true.
func (s *Segmenter) Words(text string) []Word {
	text = t2s.String(text)
	segs := s.segment([]byte(text))
	out := make([]Word, 0, len(segs)*2)
	runeAt := newRuneIndex(text)
	var add func(seg *gse.Segment, base int)
	add = func(seg *gse.Segment, base int) {
		start, end := base+seg.Start(), base+seg.End()
		out = append(out, Word{Text: seg.Token().Text(), Start: start, End: end, Position: runeAt.at(start)})
		for _, sub := range seg.Token().Segments() {
			if utf8.RuneCountInString(sub.Token().Text()) > 1 && sub.End()-sub.Start() < end-start {
				add(sub, start)
			}
		}
	}
	for i := range segs {
		add(&segs[i], 0)
	}
	return out
}

// runeIndex maps byte offsets of a text to rune offsets.
type runeIndex struct {
	text  string
	last  int // byte offset of the last lookup
	runes int // rune offset at last
}

func newRuneIndex(text string) *runeIndex { return &runeIndex{text: text} }

// at returns the rune offset of byte offset b. Lookups that move forward,
// as a segmentation does, cost only the distance moved.
func (ri *runeIndex) at(b int) int {
	if b < ri.last {
		ri.last, ri.runes = 0, 0
	}
	ri.runes += utf8.RuneCountInString(ri.text[ri.last:b])
	ri.last = b
	return ri.runes
}

// QueryWords cuts a query term into the words the word view indexes
// (folded, without punctuation), so that a query for 经济增长目标 matches
// 经济, 增长 and 目标 wherever they stand.
func (s *Segmenter) QueryWords(text string) []string {
	var out []string
	for _, w := range s.Cut(text) {
		w = strings.ToLower(strings.TrimSpace(w))
		if w != "" && strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			out = append(out, w)
		}
	}
	return out
}
