package web

// The check that what a user sees is in Chinese: messages.EnglishSentence
// finds an English sentence in a text, visibleText is what a page shows (its text
// and the attributes a user reads), and userText is what a response shows
// a user, page or API error.

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"reportsearch/internal/messages"
)

func TestEnglishSentenceCheck(t *testing.T) {
	englishSentence := messages.EnglishSentence
	for text, want := range map[string]string{
		"the query is empty":        "the query",
		"参数 q: not valid":           "not valid",
		"Search, cite and question": "cite and",
		"没有输入：请输入词语，如 托育 OR 托位。":                        "",
		"请运行 reportsearch index --force 重建":             "",
		"请用表单上传文件（multipart/form-data，字段 file 和 token）": "",
		"编码不是 UTF-8 也不是 GB18030":                        "",
		"写成 year:2023 或 kind:target（目标）":                "",
		"链接 /p/shangcheng-2022-plan-report/2.3.1/p1":    "",
		"另存为 .docx 或 PDF，报告 a.txt":                      "",
		"reportsearch search QUERY [flags]":             "",
		"用法：reportsearch search 查询词":                    "",
		"Excel 表":                                       "",
		"Usage: reportsearch":                           "",
		"Available Commands:":                           "Available Commands",
		"help for search":                               "help for",
	} {
		if got := englishSentence(text); got != want {
			t.Errorf("englishSentence(%q) = %q, want %q", text, got, want)
		}
	}
}

// visibleText is what an HTML page shows a user: its text, its title, and
// the attributes read out or shown on hover (title, placeholder,
// aria-label, alt) — not scripts, styles, or code (code, kbd, pre, samp),
// where English is the syntax.
func visibleText(t *testing.T, page string) string {
	t.Helper()
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(page))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
				b.WriteString("\n")
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.DataAtom {
			case atom.Script, atom.Style, atom.Code, atom.Kbd, atom.Pre, atom.Samp:
				if z.Token().Type != html.SelfClosingTagToken {
					skip++
				}
			}
			for _, a := range tok.Attr {
				switch a.Key {
				case "title", "placeholder", "aria-label", "alt":
					b.WriteString(a.Val + "\n")
				}
			}
		case html.EndTagToken:
			switch z.Token().DataAtom {
			case atom.Script, atom.Style, atom.Code, atom.Kbd, atom.Pre, atom.Samp:
				if skip > 0 {
					skip--
				}
			}
		}
	}
}

// userText is what a response shows a user: a page's visible text, or an
// API error's title and detail (its error and code are machine codes).
// Other bodies (data, files) show nothing to check; ok is false for them.
func userText(t *testing.T, rec *httptest.ResponseRecorder) (text string, ok bool) {
	t.Helper()
	ct := rec.Header().Get("Content-Type")
	switch {
	case strings.HasPrefix(ct, "text/html"):
		return visibleText(t, rec.Body.String()), true
	case strings.HasPrefix(ct, "application/json") || strings.HasPrefix(ct, "application/problem+json"):
		if rec.Code < 400 {
			return "", false // data
		}
		var e struct{ Title, Detail string }
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
			t.Errorf("an error answer that is not JSON: %v: %s", err, rec.Body)
			return "", false
		}
		return e.Title + "\n" + e.Detail, true
	}
	return "", false
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}
