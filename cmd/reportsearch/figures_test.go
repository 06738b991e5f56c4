package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type jsonFigure struct {
	ID          string  `json:"id"`
	Indicator   string  `json:"indicator"`
	Value       float64 `json:"value"`
	Unit        string  `json:"unit"`
	Normalized  float64 `json:"normalized"`
	BaseUnit    string  `json:"base_unit"`
	Qualifier   string  `json:"qualifier"`
	Kind        string  `json:"kind"`
	Year        int     `json:"year"`
	ParagraphID string  `json:"paragraph_id"`
	Sentence    string  `json:"sentence"`
}

func TestFiguresJSON(t *testing.T) {
	out, _, err := runCLI(t, "figures", "--json", "--year", "2022", "地区生产总值")
	if err != nil {
		t.Fatal(err)
	}
	var figs []jsonFigure
	if err := json.Unmarshal([]byte(out), &figs); err != nil {
		t.Fatal(err)
	}
	if len(figs) == 0 {
		t.Fatal("no figures")
	}
	f := figs[0]
	if f.Indicator != "地区生产总值" || f.Value != 2525 || f.Unit != "亿元" || f.Normalized != 2.525e11 || f.BaseUnit != "元" ||
		f.Kind != "estimate" || f.Year != 2022 || !strings.HasPrefix(f.ParagraphID, "shangcheng-2022-plan-report/") || !strings.Contains(f.Sentence, "2525亿元") {
		t.Errorf("first figure = %+v", f)
	}
	for _, f := range figs {
		if f.Year != 2022 || !strings.Contains(f.Indicator, "地区生产总值") {
			t.Errorf("filter let through %+v", f)
		}
	}
}

func TestFiguresFilters(t *testing.T) {
	out, _, err := runCLI(t, "figures", "--json", "--kind", "target", "--domain", "教育")
	if err != nil {
		t.Fatal(err)
	}
	var figs []jsonFigure
	if err := json.Unmarshal([]byte(out), &figs); err != nil {
		t.Fatal(err)
	}
	if len(figs) == 0 {
		t.Fatal("no 2023 education targets")
	}
	for _, f := range figs {
		if f.Kind != "target" || f.Year != 2023 {
			t.Errorf("filter let through %+v", f)
		}
	}
	out, _, err = runCLI(t, "figures", "--json", "no-such-word")
	if err != nil || strings.TrimSpace(out) != "[]" {
		t.Errorf("empty selection printed %q, %v", out, err)
	}
}

func TestFiguresCSV(t *testing.T) {
	out, _, err := runCLI(t, "figures", "--csv", "加装电梯")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "\ufeff") {
		t.Fatal("CSV without a UTF-8 BOM: spreadsheets would misread it")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	const label = "上城区 · 2022年计划执行与2023年计划草案"
	if len(rows) != 3 || rows[0][2] != "indicator" || rows[1][3] != "127" || rows[2][3] != "80" || rows[1][1] != label || rows[2][1] != label {
		t.Errorf("rows = %q", rows)
	}
}

func TestFiguresCompare(t *testing.T) {
	out, _, err := runCLI(t, "figures", "--compare")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range [][]string{{"既有住宅加装电梯", "80台", "127台"}, {"城镇新增就业", "3.2万人", "3.4万人"}, {"国家高新技术企业", "120家", "148家"}} {
		found := false
		for _, line := range strings.Split(out, "\n") {
			found = found || strings.Contains(line, want[0]) && strings.Contains(line, want[1]) && strings.Contains(line, want[2])
		}
		if !found {
			t.Errorf("no comparison line with %q", want)
		}
	}
}

func TestCommitmentsCommand(t *testing.T) {
	out, _, err := runCLI(t, "commitments", "--json", "--domain", "城市更新与住房")
	if err != nil {
		t.Fatal(err)
	}
	var cs []struct {
		Text    string   `json:"text"`
		Year    int      `json:"year"`
		Domains []string `json:"domains"`
		Figures []string `json:"figures"`
	}
	if err := json.Unmarshal([]byte(out), &cs); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range cs {
		if c.Year != 2023 || !strings.Contains(strings.Join(c.Domains, " "), "城市更新与住房") {
			t.Errorf("filter let through %+v", c)
		}
		found = found || strings.Contains(c.Text, "加装电梯80台") && len(c.Figures) == 1
	}
	if !found {
		t.Error("the 加装电梯80台 commitment is missing")
	}
	if _, _, err := runCLI(t, "commitments", "--reports", filepath.Join("..", "..", "corpus", "testdata", "reports"), "--year", "2025"); err != nil {
		t.Errorf("commitments over a directory: %v", err)
	}
	if _, _, err := runCLI(t, "commitments", "stray"); err == nil {
		t.Error("a stray argument was accepted")
	}
}

func TestCustomDomains(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "domains.txt")
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(good, []byte("住房\t加装电梯、安置房\n其他\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("住房\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCLI(t, "commitments", "--json", "--domains", good, "--domain", "住房")
	if err != nil {
		t.Fatal(err)
	}
	var cs []struct{ Text string }
	if err := json.Unmarshal([]byte(out), &cs); err != nil {
		t.Fatal(err)
	}
	// A sentence that names a keyword is of its domain; one that names
	// none takes its paragraph's (corpus.Taxonomy.Tag): the commitments of
	// the two paragraphs that name 加装电梯 or 安置房, and no others.
	naming := 0
	for _, c := range cs {
		if strings.Contains(c.Text, "加装电梯") || strings.Contains(c.Text, "安置房") {
			naming++
		}
	}
	all, _, err := runCLI(t, "commitments", "--json", "--domains", good)
	if err != nil {
		t.Fatal(err)
	}
	var every []struct{ Text string }
	if err := json.Unmarshal([]byte(all), &every); err != nil {
		t.Fatal(err)
	}
	if naming != 2 || len(cs) >= len(every)/2 {
		t.Errorf("%d commitments of %d in the custom domain, %d naming 加装电梯 or 安置房; want both that name them and few others: %+v", len(cs), len(every), naming, cs)
	}
	if _, _, err := runCLI(t, "figures", "--domains", bad); err == nil || !strings.Contains(err.Error(), "bad.txt") {
		t.Errorf("a bad domain file gave %v", err)
	}
}
