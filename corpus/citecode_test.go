package corpus

import (
	"strings"
	"testing"
)

// TestCiteCodeRoundTrip decodes the code of every paragraph of every test
// report back to its ID, in the form shown and as a reader might type it
// (lower case, with 引用码 before it, O for 0 and I/L for 1), and checks
// that no two paragraphs — nor two reports — share a code.
func TestCiteCodeRoundTrip(t *testing.T) {
	byCode := map[string]string{}
	reportOf := map[string]string{}
	n := 0
	for _, r := range citedReports(t) {
		rc := ReportCode(r.ID)
		if other, ok := reportOf[rc]; ok && other != r.ID {
			t.Errorf("reports %s and %s share the code %s", other, r.ID, rc)
		}
		reportOf[rc] = r.ID
		for p := range r.Paragraphs() {
			n++
			code := CiteCode(p.ID)
			if other, ok := byCode[code]; ok {
				t.Errorf("%s and %s share the code %s", other, p.ID, code)
			}
			byCode[code] = p.ID
			if len(code) > 24 {
				t.Errorf("%s: code %s is too long to type", p.ID, code)
			}
			typed := strings.NewReplacer("0", "o", "1", "l").Replace(strings.ToLower(code[:reportCodeLen])) + code[reportCodeLen:]
			for _, s := range []string{code, strings.ToLower(code), " " + CodeLabel + "：" + code + " ", typed} {
				ref, ok := ParseCiteCode(s)
				if !ok {
					t.Errorf("%s: %q does not parse", p.ID, s)
					continue
				}
				if ref.Report != rc || reportOf[ref.Report] != r.ID || ref.ParagraphID(r.ID) != p.ID || ref.String() != code {
					t.Errorf("%s: %q decodes to %s in %s (%s)", p.ID, s, ref.ParagraphID(r.ID), ref.Report, ref)
				}
			}
		}
	}
	if n < 5000 {
		t.Errorf("%d paragraphs; the test reports hold more", n)
	}
}

// TestCiteCodeForms: what is and is not a code.
func TestCiteCodeForms(t *testing.T) {
	if c := CiteCode("shangcheng-2022-plan-report/2.4.2/p3"); c != ReportCode("shangcheng-2022-plan-report")+".2.4.2.3" {
		t.Errorf("CiteCode = %q", c)
	}
	if c := CiteCode("r/x1.2~2/p4"); c != ReportCode("r")+".x1.2-2.4" {
		t.Errorf("CiteCode of an appended list's repeated number = %q", c)
	}
	if c := CiteCode("r/p2"); c != ReportCode("r")+".2" {
		t.Errorf("CiteCode of a preamble paragraph = %q", c)
	}
	for _, notID := range []string{"", "r", "r/2.1", "r/2.1/f3"} {
		if c := CiteCode(notID); c != "" {
			t.Errorf("CiteCode(%q) = %q, want none", notID, c)
		}
	}
	for _, notCode := range []string{"", "经济", "GDP", "2023", "K7M3Q2XD", "K7M3Q2X.1", "K7M3Q2XU.1", "K7M3Q2XD.2.0", "K7M3Q2XD.2.", "K7M3Q2XD.b2.1", "2023.5.1", "新建智慧养老院1家"} {
		if _, ok := ParseCiteCode(notCode); ok {
			t.Errorf("%q parses as a code", notCode)
		}
	}
}
