package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// testIndex builds the embedded report's index in a temporary directory
// for the search commands.
func testIndex(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if _, err := indexer.Build(context.Background(), root, []corpus.Source{corpus.DefaultSource()}, indexer.Options{}); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestSearchCommand(t *testing.T) {
	root := testIndex(t)
	out, _, err := runCLI(t, "--index", root, "search", "--json", "加装电梯")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Total int `json:"total"`
		Hits  []struct {
			ID       string   `json:"id"`
			Report   string   `json:"report"`
			Path     string   `json:"path"`
			Heading  string   `json:"heading"`
			Year     int      `json:"year"`
			Kind     string   `json:"kind"`
			Domains  []string `json:"domains"`
			Score    float64  `json:"score"`
			Text     string   `json:"text"`
			Match    string   `json:"match"`
			Citation string   `json:"citation"`
			Snippets []struct {
				Text    string   `json:"text"`
				Matches [][2]int `json:"matches"`
			} `json:"snippets"`
		} `json:"hits"`
		Facets map[string][]struct {
			Value string
			Count int
		} `json:"facets"`
		Expanded []any `json:"expanded"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || len(res.Hits) != 2 || res.Facets["year"] == nil || res.Expanded == nil {
		t.Fatalf("result %+v", res)
	}
	h := res.Hits[0]
	if h.Report != "shangcheng-2022-plan-report" || h.Path == "" || h.Heading == "" || h.Score <= 0 || h.Match != "literal" ||
		!strings.Contains(h.Text, "加装电梯") || !strings.HasPrefix(h.Citation, "《关于上城区") || len(h.Snippets) == 0 {
		t.Errorf("hit %+v", h)
	}
	sn := h.Snippets[0]
	if len(sn.Matches) == 0 || sn.Text[sn.Matches[0][0]:sn.Matches[0][1]] != "加装电梯" {
		t.Errorf("snippet %+v", sn)
	}

	excl, _, err := runCLI(t, "--index", root, "search", "建设", "-亚运")
	if err != nil || !strings.Contains(excl, "“建设 -亚运”共") {
		t.Errorf("an exclusion after the query: %q %v", excl, err)
	}
	text, _, err := runCLI(t, "--index", root, "search", "楼宇经济")
	if err != nil || !strings.Contains(text, "【楼宇经济】") || !strings.Contains(text, "共 2 条结果") {
		t.Errorf("text output %q, %v", text, err)
	}
	_, _, err = runCLI(t, "--index", root, "search", "养老", "OR")
	if err == nil || !errors.As(err, new(usageError)) || !strings.Contains(err.Error(), "OR must stand") {
		t.Errorf("malformed query: %v", err)
	}
	// An unpaired quote is searched as meant, and the note says so.
	out, errOut, err := runCLI(t, "--index", root, "search", `"加装电梯`)
	if err != nil || !strings.Contains(out, `“"加装电梯"”共 2 条结果`) || !strings.Contains(errOut, "引号未配对") {
		t.Errorf("unpaired quote: %q %q %v", out, errOut, err)
	}
	_, _, err = runCLI(t, "--index", t.TempDir(), "search", "养老")
	if err == nil || !strings.Contains(err.Error(), "no index") {
		t.Errorf("missing index: %v", err)
	}
}

func TestCiteCommand(t *testing.T) {
	root := testIndex(t)
	id := "shangcheng-2022-plan-report/2.3.1/p1"
	want := map[string]string{
		"text":     "第二部分（三）1.",
		"markdown": "](/p/" + id + ")",
		"gbt7714":  "[R]",
		"quote":    "，2023年1月17日，第二部分（三）1.）",
	}
	for format, says := range want {
		out, _, err := runCLI(t, "--index", root, "cite", "--format", format, id)
		if err != nil || !strings.Contains(out, says) {
			t.Errorf("cite --format %s: %q, %v", format, out, err)
		}
	}
	// A citation code names the same paragraph.
	byID, _, err1 := runCLI(t, "--index", root, "cite", "--format", "quote", id)
	byCode, _, err2 := runCLI(t, "--index", root, "cite", "--format", "quote", corpus.CiteCode(id))
	if err1 != nil || err2 != nil || byID != byCode || !strings.HasPrefix(byCode, "“") {
		t.Errorf("cite by code: %q, %v; by ID %q, %v", byCode, err2, byID, err1)
	}
	if _, _, err := runCLI(t, "--index", root, "cite", "no/such/p9"); err == nil || !strings.Contains(explain(err), "索引中没有段落“no/such/p9”") {
		t.Errorf("unknown ID: %v", err)
	}
	if _, _, err := runCLI(t, "--index", root, "cite", "--format", "apa", id); err == nil || !errors.As(err, new(usageError)) {
		t.Errorf("bad format: %v", err)
	}
}

func TestEvalCommand(t *testing.T) {
	root := testIndex(t)
	rel := filepath.Join(t.TempDir(), "rel.tsv")
	if err := os.WriteFile(rel, []byte("# query\tevidence\n楼宇经济\t实现税收亿元楼宇62幢|税收亿元楼宇总量突破66幢\n无此词语\t不存在的证据\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCLI(t, "--index", root, "eval", "--rel", rel, "--samples", "200")
	if !errors.Is(err, errEvalFailed) {
		t.Fatalf("eval with a failing query: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; last != "1 passed, 1 failed" {
		t.Errorf("last line %q", last)
	}
	if !strings.Contains(out, "literal recall 100.0%: 200 sampled substrings") || !strings.Contains(out, "MRR@10 0.500") {
		t.Errorf("output:\n%s", out)
	}
}

func TestAskCommand(t *testing.T) {
	root := testIndex(t)
	out, _, err := runCLI(t, "--index", root, "ask", "--json", "2022年城镇新增就业多少人?")
	if err != nil {
		t.Fatal(err)
	}
	var a struct {
		Found    bool   `json:"found"`
		Answer   string `json:"answer"`
		Sentence string `json:"sentence"`
		Figures  []struct {
			Value float64 `json:"value"`
			Unit  string  `json:"unit"`
		} `json:"figures"`
		Citation struct {
			ID   string `json:"id"`
			Text string `json:"text"`
			Cite string `json:"cite"`
		} `json:"citation"`
		Alternatives []any `json:"alternatives"`
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if !a.Found || a.Answer != "3.4万人" || !strings.Contains(a.Sentence, "3.4万人") || len(a.Figures) != 1 || a.Figures[0].Value != 3.4 ||
		!strings.Contains(a.Citation.Text, "城镇新增就业3.4万人") || !strings.HasPrefix(a.Citation.Cite, "《") || a.Alternatives == nil {
		t.Errorf("answer %+v", a)
	}
	text, _, err := runCLI(t, "--index", root, "ask", "2030年地区生产总值目标是多少?")
	if err != nil || !strings.HasPrefix(text, "没有找到答案") {
		t.Errorf("unanswerable: %q %v", text, err)
	}
}

func TestEvalQA(t *testing.T) {
	root := testIndex(t)
	qa := filepath.Join(t.TempDir(), "qa.tsv")
	data := "# q\ta\te\n2022年新培育境内外上市企业几家?\t2家\t新培育境内外上市企业2家\n2022年的出生人口是多少?\t100人\t出生\n"
	if err := os.WriteFile(qa, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCLI(t, "--index", root, "eval", "--qa", qa)
	if !errors.Is(err, errEvalFailed) {
		t.Fatalf("eval --qa with a wrong question: %v", err)
	}
	if !strings.Contains(out, "answer accuracy 0.500  citation accuracy 0.500") || !strings.HasSuffix(strings.TrimSpace(out), "1 passed, 1 failed") {
		t.Errorf("output:\n%s", out)
	}
}
