package indexer

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportsearch/corpus"
)

// smallReport is a report small enough to index many times in a test.
const smallReport = "一、2022年工作回顾\n全年城镇新增就业1.2万人。\n二、2023年主要任务\n新建口袋公园5个。\n"

// ensureFixture is an index root and a report file it is built of.
type ensureFixture struct {
	t      *testing.T
	root   string
	report string
}

func newEnsureFixture(t *testing.T) *ensureFixture {
	dir := t.TempDir()
	f := &ensureFixture{t: t, root: filepath.Join(dir, "index"), report: filepath.Join(dir, "report.txt")}
	f.write(smallReport)
	return f
}

func (f *ensureFixture) write(text string) {
	if err := os.WriteFile(f.report, []byte(text), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func (f *ensureFixture) sources() []corpus.Source {
	srcs, err := corpus.Sources([]string{f.report})
	if err != nil {
		f.t.Fatal(err)
	}
	return srcs
}

// ensure runs Ensure and returns whether it built, why, what it warned
// of, and its error.
func (f *ensureFixture) ensure(sources []corpus.Source, opts EnsureOptions) (built bool, reason, warning string, err error) {
	opts.Building = func(_ int, why string) { reason = why }
	opts.Warn = func(message string) { warning = message }
	_, built, err = Ensure(context.Background(), f.root, sources, opts)
	return built, reason, warning, err
}

// editManifest changes the current build's manifest.
func (f *ensureFixture) editManifest(edit func(m map[string]any)) {
	_, dir, err := Current(f.root)
	if err != nil {
		f.t.Fatal(err)
	}
	path := filepath.Join(dir, manifestFile)
	data, err := os.ReadFile(path)
	if err != nil {
		f.t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		f.t.Fatal(err)
	}
	edit(m)
	if data, err = json.Marshal(m); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func customTaxonomy(t *testing.T) *corpus.Taxonomy {
	tax, err := corpus.ParseTaxonomy(strings.NewReader("就业\t就业\n公园\t公园\n其他\n"))
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

// TestEnsureDecides is the table of Ensure's decisions: when an index is
// kept, when it is built and why, and when it is refused.
func TestEnsureDecides(t *testing.T) {
	type step struct {
		name    string
		do      func(f *ensureFixture) // before Ensure
		sources bool                   // give the fixture's sources, else nil
		opts    EnsureOptions
		built   bool
		reason  string // what Building was told, when built
		warning string // a text of what Warn was told; "" when it must not be told anything
		err     error  // an error Ensure returns, tested with errors.Is
		errText string // or a text the error holds
	}
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"an empty root", []step{
			{name: "no sources, nothing to build", err: ErrNoIndex},
			{name: "its sources", sources: true, built: true, reason: "no index yet"},
			{name: "current", sources: true},
			{name: "current, kept as it holds"},
			{name: "forced", sources: true, opts: EnsureOptions{Force: true}, built: true, reason: "asked to rebuild"},
		}},
		{"an empty root with something to build", []step{
			{name: "the default for an empty root", do: func(f *ensureFixture) {}, opts: EnsureOptions{IfEmpty: []corpus.Source{corpus.DefaultSource()}}, built: true, reason: "no index yet"},
			{name: "kept"},
		}},
		{"a changed report", []step{
			{name: "built", sources: true, built: true, reason: "no index yet"},
			{name: "edited", do: func(f *ensureFixture) { f.write(smallReport + "新增托位600个。\n") }},
			{name: "kept as it holds: its files are not read"},
			{name: "verified: rebuilt", opts: EnsureOptions{Verify: true}, built: true, reason: "reports changed"},
			{name: "verified again: current", opts: EnsureOptions{Verify: true}},
		}},
		{"a report gone", []step{
			{name: "built", sources: true, built: true, reason: "no index yet"},
			{name: "removed", do: func(f *ensureFixture) { os.Remove(f.report) }},
			{name: "kept as it holds"},
			{name: "verified: kept, with a warning", opts: EnsureOptions{Verify: true}, warning: "cannot be read again"},
			{name: "forced", opts: EnsureOptions{Verify: true, Force: true}, err: ErrSourcesGone},
			{name: "another taxonomy asked for", opts: EnsureOptions{Options: Options{Taxonomy: customTaxonomy(t)}}, err: ErrSourcesGone},
			{name: "a new program cannot rebuild it", do: func(f *ensureFixture) { f.editManifest(func(m map[string]any) { m["parser"] = "old" }) }, err: ErrSourcesGone},
		}},
		{"a report touched but not changed", []step{
			{name: "built", sources: true, built: true, reason: "no index yet"},
			{name: "rewritten as it was", do: func(f *ensureFixture) { f.write(smallReport) }, opts: EnsureOptions{Verify: true}},
		}},
		{"a new program", []step{
			{name: "built", sources: true, built: true, reason: "no index yet"},
			{name: "by another parser", do: func(f *ensureFixture) { f.editManifest(func(m map[string]any) { m["parser"] = "old" }) }, built: true, reason: "parser changed"},
			{name: "rebuilt from its files, current", sources: true},
		}},
		{"a taxonomy", []step{
			{name: "built with one", sources: true, opts: EnsureOptions{Options: Options{Taxonomy: customTaxonomy(t)}}, built: true, reason: "no index yet"},
			{name: "none asked for: kept"},
			{name: "none asked for, with its sources: kept", sources: true},
			{name: "the embedded one asked for", sources: true, opts: EnsureOptions{Options: Options{Taxonomy: corpus.DefaultTaxonomy()}}, built: true, reason: "policy domains changed"},
		}},
		{"a taxonomy kept through a rebuild", []step{
			{name: "built with one", sources: true, opts: EnsureOptions{Options: Options{Taxonomy: customTaxonomy(t)}}, built: true, reason: "no index yet"},
			{name: "by another parser", do: func(f *ensureFixture) { f.editManifest(func(m map[string]any) { m["parser"] = "old" }) }, built: true, reason: "parser changed"},
			{name: "still tagged with it", sources: true, opts: EnsureOptions{Options: Options{Taxonomy: customTaxonomy(t)}}},
		}},
		{"a damaged manifest", []step{
			{name: "built", sources: true, built: true, reason: "no index yet"},
			{name: "unreadable, no sources", do: func(f *ensureFixture) {
				_, dir, _ := Current(f.root)
				os.WriteFile(filepath.Join(dir, manifestFile), []byte("{bad"), 0o644)
			}, errText: "manifest.json"},
			{name: "with its sources: rebuilt", sources: true, built: true, reason: "the index cannot be read"},
			{name: "current", sources: true},
		}},
		{"an index that does not list its reports", []step{
			{name: "built", sources: true, built: true, reason: "no index yet"},
			{name: "unlisted", do: func(f *ensureFixture) { f.editManifest(func(m map[string]any) { m["sources"] = nil }) }, err: ErrUnlisted},
			{name: "unlisted, with what such an index held: kept", opts: EnsureOptions{IfUnlisted: []corpus.Source{corpus.DefaultSource()}}},
			{name: "by another parser: rebuilt of what it held", do: func(f *ensureFixture) { f.editManifest(func(m map[string]any) { m["parser"] = "old" }) },
				opts: EnsureOptions{IfUnlisted: []corpus.Source{corpus.DefaultSource()}}, built: true, reason: "parser changed"},
		}},
		{"a manifest whose taxonomy does not parse", []step{
			{name: "built", sources: true, built: true, reason: "no index yet"},
			{name: "no sources: refused", do: func(f *ensureFixture) { f.editManifest(func(m map[string]any) { m["taxonomy"] = "就业\n" }) }, errText: "taxonomy"},
			{name: "with its sources: rebuilt with the embedded one", sources: true, built: true, reason: "policy domains changed"},
		}},
		{"a current that is not a link", []step{
			{name: "built", sources: true, built: true, reason: "no index yet"},
			{name: "replaced by a directory: refused, even with sources", do: func(f *ensureFixture) {
				link := filepath.Join(f.root, currentLink)
				os.Remove(link)
				os.Mkdir(link, 0o755)
			}, sources: true, err: errNotALink},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newEnsureFixture(t)
			for _, st := range tc.steps {
				if st.do != nil {
					st.do(f)
				}
				var sources []corpus.Source
				if st.sources {
					sources = f.sources()
				}
				built, reason, warning, err := f.ensure(sources, st.opts)
				switch {
				case st.warning == "" && warning != "", !strings.Contains(warning, st.warning):
					t.Fatalf("%s: warned %q, want a warning about %q", st.name, warning, st.warning)
				case st.errText != "":
					if err == nil || !strings.Contains(err.Error(), st.errText) {
						t.Fatalf("%s: error %v, want one about %s", st.name, err, st.errText)
					}
				case st.err != nil && !errors.Is(err, st.err), st.err == nil && err != nil:
					t.Fatalf("%s: error %v, want %v", st.name, err, st.err)
				case built != st.built || !strings.HasPrefix(reason, st.reason):
					t.Fatalf("%s: built %v (%q), want %v (%q)", st.name, built, reason, st.built, st.reason)
				}
			}
		})
	}
}

// TestEnsureKeepsALostIndex: a root whose current link dangles (its build
// deleted) held a user's index; Ensure without reports does not fill it
// with IfEmpty (the embedded report) unless the root is the program's own
// or it is forced, and says how to rebuild.
func TestEnsureKeepsALostIndex(t *testing.T) {
	f := newEnsureFixture(t)
	if _, _, _, err := f.ensure(f.sources(), EnsureOptions{}); err != nil {
		t.Fatal(err)
	}
	_, dir, err := Current(f.root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	embedded := EnsureOptions{IfEmpty: []corpus.Source{corpus.DefaultSource()}}
	built, _, _, err := f.ensure(nil, embedded)
	if built || !errors.Is(err, ErrNoIndex) || !strings.Contains(err.Error(), "index --force") {
		t.Errorf("Ensure(nil) on a lost user index: built %v, %v; want a refusal saying how to rebuild", built, err)
	}
	if _, err := os.Lstat(filepath.Join(f.root, currentLink)); err != nil {
		t.Errorf("the refused root changed: %v", err)
	}
	own := embedded
	own.Disposable = true
	if built, _, _, err := f.ensure(nil, own); !built || err != nil {
		t.Errorf("Ensure(nil) on the program's own lost index: built %v, %v; want it rebuilt", built, err)
	}
	if err := os.RemoveAll(mustCurrentDir(t, f.root)); err != nil {
		t.Fatal(err)
	}
	if built, _, _, err := f.ensure(f.sources(), embedded); !built || err != nil {
		t.Errorf("Ensure(sources) on a lost index: built %v, %v; want it built of them", built, err)
	}
}

func mustCurrentDir(t *testing.T, root string) string {
	t.Helper()
	_, dir, err := Current(root)
	if err != nil {
		t.Fatal(err)
	}
	return dir
}
