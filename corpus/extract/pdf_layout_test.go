package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// page builds a page of lines: each a text and its left and right edges,
// set 20 points apart from the top, characters 10 points wide.
func page(lines ...pdfLine) []pdfLine {
	for i := range lines {
		lines[i].top = 800 - float64(i)*20
		lines[i].bottom = lines[i].top - 10
		lines[i].charWidth = 10
	}
	return lines
}

func ln(text string, left, right float64) pdfLine {
	return pdfLine{text: text, left: left, right: right}
}

// body is a full line of body text: from the margin (90) to the edge (500).
func body(text string) pdfLine { return ln(text, 90, 500) }

func TestDropFurniture(t *testing.T) {
	var pages [][]pdfLine
	for n := 1; n <= 4; n++ {
		lines := []pdfLine{ln("某市人民政府工作报告", 200, 400)} // running header
		for i := 1; i <= 6; i++ {
			lines = append(lines, body(fmt.Sprintf("第%d页正文%s", n, strings.Repeat("文", n*6+i))))
		}
		lines = append(lines, ln([]string{"— 1 —", "- 2 -", "第3页", "4/4"}[n-1], 280, 320))
		pages = append(pages, page(lines...))
	}
	got, removed := dropFurniture(pages)
	if removed != 8 {
		t.Errorf("removed %d lines, want 8 (a header and a page number on each of 4 pages)", removed)
	}
	for i, p := range got {
		if len(p) != 6 || !strings.HasPrefix(p[0].text, fmt.Sprintf("第%d页正文", i+1)) || !strings.HasPrefix(p[5].text, fmt.Sprintf("第%d页正文", i+1)) {
			t.Errorf("page %d kept %d lines: %v", i+1, len(p), p)
		}
	}
	// A short line that is not repeated, or a number in the body, stays.
	one := [][]pdfLine{page(body("开头"), ln("2023年", 90, 150), body("中间"), body("结尾"))}
	if _, removed := dropFurniture(one); removed != 0 {
		t.Errorf("a page without furniture lost %d lines", removed)
	}
}

func TestParagraphsOf(t *testing.T) {
	cases := []struct {
		name  string
		pages [][]pdfLine
		want  []string
	}{
		{"a line broken at the edge goes on in the next", [][]pdfLine{page(
			ln("一年来，全市经济", 110, 500), body("稳中向好。"),
		)}, []string{"一年来，全市经济稳中向好。"}},
		{"a short line ends its paragraph; an indented one begins the next", [][]pdfLine{page(
			ln("第一段开头", 110, 500), ln("第一段结尾。", 90, 300), ln("第二段。", 110, 300),
		)}, []string{"第一段开头第一段结尾。", "第二段。"}},
		{"a full line followed by an indented one is a paragraph's end", [][]pdfLine{page(
			ln("上一段", 110, 500), body("整行结束的一段。"), ln("新的一段", 110, 500), body("在这里结束。"),
		)}, []string{"上一段整行结束的一段。", "新的一段在这里结束。"}},
		{"a numbered heading after a finished sentence is its own paragraph", [][]pdfLine{page(
			ln("上一段结束。", 110, 500), body("二、今年的主要任务"),
		)}, []string{"上一段结束。", "二、今年的主要任务"}},
		{"a sentence across a page break is joined", [][]pdfLine{
			page(ln("跨页的", 110, 500)), page(body("一句话。")),
		}, []string{"跨页的一句话。"}},
		{"Latin words broken apart get a space, digits none", [][]pdfLine{page(
			ln("实施 smart", 110, 500), body("city 计划，投资 12"), body("34 亿元。"),
		)}, []string{"实施 smart city 计划，投资 1234 亿元。"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := paragraphsOf(c.pages); !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestTidySpaces(t *testing.T) {
	for in, want := range map[string]string{
		"增长 5.2%、约 4.4 万亿元": "增长5.2%、约4.4万亿元",
		"smart  city":       "smart city",
		"地区\t亿元\t2525":      "地区\t亿元\t2525",
		" 各位代表： ":           "各位代表：",
	} {
		if got := tidySpaces(in); got != want {
			t.Errorf("tidySpaces(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSniff(t *testing.T) {
	for _, c := range []struct {
		data string
		want Format
	}{
		{"%PDF-1.7\n", PDF},
		{"\n  %PDF-1.4", PDF},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", DOC},
		{`{\rtf1\ansi`, RTF},
		{"PK\x03\x04garbage", Zip},
		{"<!-- saved from url=(0022)https://www.gov.cn/ -->\n<html><head>", HTML},
		{"\xef\xbb\xbf<!DOCTYPE html>", HTML},
		{"政府工作报告\n各位代表：", Text},
		{"<p>一段</p>", Text}, // a fragment is not a page: read as text
	} {
		if got := Sniff([]byte(c.data)); got != c.want {
			t.Errorf("Sniff(%q) = %s, want %s", strings.ToValidUTF8(c.data[:min(len(c.data), 20)], "?"), got, c.want)
		}
	}
}
