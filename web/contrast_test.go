package web

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The colours of the pages are custom properties of style.css: the light
// theme's in the first :root block, the dark theme's in the :root block
// under prefers-color-scheme: dark. The charts (chart.go's bars in
// compare.html, trackchart.go's lines and marks in track.html) draw with
// --result, --target and --missed, on the page (--bg) or on a card
// (--surface).

// themeColours reads the custom properties of a :root block of style.css.
func themeColours(t *testing.T, dark bool) map[string]string {
	t.Helper()
	css, err := assets.ReadFile("static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	text := string(css)
	if dark {
		i := strings.Index(text, "@media (prefers-color-scheme: dark)")
		if i < 0 {
			t.Fatal("style.css has no dark theme")
		}
		text = text[i:]
	}
	block := regexp.MustCompile(`(?s):root\s*\{(.*?)\}`).FindStringSubmatch(text)
	if block == nil {
		t.Fatal("no :root block")
	}
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`(--[a-z-]+):\s*(#[0-9a-fA-F]{6})\b`).FindAllStringSubmatch(block[1], -1) {
		out[m[1]] = m[2]
	}
	return out
}

// luminance is the WCAG 2 relative luminance of #rrggbb.
func luminance(hex string) (float64, error) {
	if len(hex) != 7 || hex[0] != '#' {
		return 0, fmt.Errorf("colour %q is not #rrggbb", hex)
	}
	var l float64
	for i, weight := range []float64{0.2126, 0.7152, 0.0722} {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return 0, err
		}
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += weight * c
	}
	return l, nil
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b string) (float64, error) {
	la, err := luminance(a)
	if err != nil {
		return 0, err
	}
	lb, err := luminance(b)
	if err != nil {
		return 0, err
	}
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05), nil
}

func TestContrastFormula(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{{"#000000", "#ffffff", 21}, {"#ffffff", "#ffffff", 1}, {"#777777", "#ffffff", 4.48}} {
		got, err := contrast(c.a, c.b)
		if err != nil || math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.2f, %v; want %.2f", c.a, c.b, got, err, c.want)
		}
	}
}

// TestThemeContrast: in both themes the chart colours stand 3:1 against
// what they are drawn on (WCAG 1.4.11, non-text contrast), and text and
// marked text 4.5:1 (1.4.3).
func TestThemeContrast(t *testing.T) {
	checks := []struct {
		fg, bg []string
		want   float64
	}{
		{[]string{"--result", "--target", "--missed", "--focus"}, []string{"--bg", "--surface"}, 3},
		{[]string{"--ink", "--muted", "--accent"}, []string{"--bg", "--surface"}, 4.5},
		{[]string{"--ink"}, []string{"--mark", "--mark-current"}, 4.5},
	}
	for _, dark := range []bool{false, true} {
		theme := map[bool]string{false: "light", true: "dark"}[dark]
		colours := themeColours(t, dark)
		for _, c := range checks {
			for _, fg := range c.fg {
				for _, bg := range c.bg {
					if colours[fg] == "" || colours[bg] == "" {
						t.Errorf("%s theme: %s or %s is not defined as #rrggbb", theme, fg, bg)
						continue
					}
					ratio, err := contrast(colours[fg], colours[bg])
					if err != nil {
						t.Fatal(err)
					}
					t.Logf("%s: %s %s on %s %s: %.2f:1", theme, fg, colours[fg], bg, colours[bg], ratio)
					if ratio < c.want {
						t.Errorf("%s theme: %s %s on %s %s is %.2f:1, want at least %.1f:1", theme, fg, colours[fg], bg, colours[bg], ratio, c.want)
					}
				}
			}
		}
	}
}

// TestChartsUseThemeColours: the charts draw with the theme's colours (so
// that the contrast checked above is the contrast shown) and say in text
// what each colour stands for.
func TestChartsUseThemeColours(t *testing.T) {
	css, _ := assets.ReadFile("static/style.css")
	for _, rule := range []string{".bar.result { fill: var(--result); }", ".bar.target { fill: var(--target); }",
		".track-chart .result-line { fill: none; stroke: var(--result);", ".track-chart .target-mark rect { fill: #fff; stroke: var(--target);",
		".track-chart .target-mark.v-missed rect { stroke: var(--missed); }"} {
		if !strings.Contains(string(css), rule) {
			t.Errorf("style.css lacks %q", rule)
		}
	}
	for page, words := range map[string][]string{
		"compare.html": {`{{label "result" .Result.Kind}} {{.Result.Text}}`, "目标 {{.Target.Text}}", `<span class="swatch result"></span>上年完成或预计`},
		"track.html":   {"结果（折线）", "目标（菱形"},
	} {
		tpl, err := assets.ReadFile("templates/" + page)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range words {
			if !strings.Contains(string(tpl), w) {
				t.Errorf("%s does not label its colours with %q", page, w)
			}
		}
	}
}
