package indexer

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"reportsearch/corpus"
)

// Versions recorded in every manifest. An index whose versions differ from
// the program's is stale and is rebuilt: the mapping and analyzers are
// persisted in the index, so changing them means re-indexing.
const (
	// FormatVersion changes with the mapping or the documents.
	FormatVersion = 17
	// AnalyzerVersion changes with the tokenizers, and with the table
	// that folds traditional characters (t2s, OpenCC's files of the
	// commit named in t2s/SOURCES.md).
	AnalyzerVersion = "word-gse-search-1/char-uni-bi-1/t2s-opencc-5249273"
)

// DictionaryVersion identifies the segmenter's dictionary (base words and
// policy terms): a change to either changes the word view.
func DictionaryVersion() string { return dictionaryVersion() }

var dictionaryVersion = sync.OnceValue(func() string {
	sum := sha256.Sum256([]byte(baseDictionary + "\x00" + policyTermsFile))
	return hex.EncodeToString(sum[:6])
})

// Manifest describes a complete index build. It is written last, after the
// index is closed, so a build without one is incomplete.
type Manifest struct {
	Format     int    `json:"format"`
	Analyzers  string `json:"analyzers"`
	Dictionary string `json:"dictionary"`
	Parser     string `json:"parser"` // corpus.Version(): what the parser makes of a report
	// TaxonomyText is the policy-domain taxonomy the reports were tagged
	// with, in its file format (corpus.ParseTaxonomy reads it).
	TaxonomyText string          `json:"taxonomy"`
	Corpus       string          `json:"corpus"` // Digest of the sources
	Sources      []corpus.Source `json:"sources"`
	Reports      []ReportEntry   `json:"reports"`
	// Domains are the policy domains that tag a paragraph, in the
	// taxonomy's order (a domain the taxonomy lacks last, sorted).
	Domains    []string `json:"domains"`
	Paragraphs int      `json:"paragraphs"`
	Figures    int      `json:"figures"`
	// Comparisons are the target/result pairs (pairs.go).
	Comparisons int   `json:"comparisons"`
	TextBytes   int64 `json:"text_bytes"`
	// Orders is the last document order given: an update numbers the
	// documents it adds after it.
	Orders int `json:"orders"`
	// Failed are the sources that could not be read, with why (a library
	// lists them; see Update).
	Failed []Failure `json:"failed,omitempty"`
	// Files are the index's files as the build wrote them (integrity.go).
	Files   []FileSum `json:"files"`
	Built   time.Time `json:"built"`
	Seconds float64   `json:"seconds"`
}

// Documents is how many documents the index holds.
func (m *Manifest) Documents() int { return m.Paragraphs + m.Figures + m.Comparisons }

// ReportEntry is what the index records of each report: enough to cite it
// and to list it.
type ReportEntry struct {
	corpus.Meta
	Hash        string `json:"hash"`
	Paragraphs  int    `json:"paragraphs"`
	Figures     int    `json:"figures"`
	Commitments int    `json:"commitments"`
	// Domains tag its paragraphs and TextBytes is their text: what an
	// update subtracts when the report goes.
	Domains   []string `json:"domains,omitempty"`
	TextBytes int64    `json:"text_bytes,omitempty"`
}

// Digest identifies a set of sources by their IDs and contents.
func Digest(sources []corpus.Source) string {
	h := sha256.New()
	for _, s := range sources {
		fmt.Fprintf(h, "%s\x00%s\n", s.ID, s.Hash)
		if s.Sidecar != "" {
			fmt.Fprintf(h, "\x00sidecar %s\n", s.Sidecar)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Compatible reports whether this program can use the index: same format,
// analyzers, dictionary and parser.
func (m *Manifest) Compatible() bool {
	return m != nil && m.Format == FormatVersion && m.Analyzers == AnalyzerVersion &&
		m.Dictionary == DictionaryVersion() && m.Parser == corpus.Version()
}

// Staleness says why the manifest does not describe an index of the sources
// by this program tagged with tax (empty when it does), for the log. With
// sources nil it does not ask about the reports, with tax nil not about the
// taxonomy.
func (m *Manifest) Staleness(sources []corpus.Source, tax *corpus.Taxonomy) string {
	if m == nil {
		return "no index"
	}
	var why []string
	if m.Format != FormatVersion {
		why = append(why, fmt.Sprintf("index format %d, program %d", m.Format, FormatVersion))
	}
	if m.Analyzers != AnalyzerVersion {
		why = append(why, "analyzers changed")
	}
	if m.Dictionary != DictionaryVersion() {
		why = append(why, "dictionary changed")
	}
	if m.Parser != corpus.Version() {
		why = append(why, "parser changed")
	}
	if tax != nil && m.TaxonomyText != tax.String() {
		why = append(why, "policy domains changed")
	}
	if sources != nil && m.Corpus != Digest(sources) {
		why = append(why, "reports changed")
	}
	return strings.Join(why, ", ")
}

const manifestFile = "manifest.json"

func writeManifest(dir string, m *Manifest) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, manifestFile+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, manifestFile))
}

func readManifest(dir string) (*Manifest, error) {
	f, err := corpus.OpenRegular(filepath.Join(dir, manifestFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("indexer: %s: %w", filepath.Join(dir, manifestFile), err)
	}
	return &m, nil
}

// Taxonomy is the taxonomy the index's reports were tagged with.
func (m *Manifest) Taxonomy() (*corpus.Taxonomy, error) {
	if m.TaxonomyText == "" || m.TaxonomyText == corpus.DefaultTaxonomy().String() {
		return corpus.DefaultTaxonomy(), nil
	}
	t, err := corpus.ParseTaxonomy(strings.NewReader(m.TaxonomyText))
	if err != nil {
		return nil, fmt.Errorf("indexer: the manifest's taxonomy: %w", err)
	}
	return t, nil
}
