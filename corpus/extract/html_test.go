package extract

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Paragraphs long enough to be an article, for the synthetic pages.
const (
	htmlPara1 = "过去一年，我们坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，经济社会发展取得新的成效。"
	htmlPara2 = "全年地区生产总值增长百分之五点二，城镇新增就业十二万人，居民人均可支配收入稳步增长，粮食产量保持稳定，生态环境质量持续改善。"
	htmlPara3 = "今年政府工作的总体要求是：坚持以人民为中心的发展思想，统筹发展和安全，着力扩大内需，深化改革开放，切实保障和改善民生。"
)

// htmlPage is a page with navigation around an article.
func htmlPage(head, article string) string {
	return `<!DOCTYPE html><html><head>` + head + `</head><body>
<div class="top"><ul><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li><li><a href="/hd">互动交流</a></li></ul></div>
<div class="crumb"><a href="/">首页</a> &gt; <a href="/zw">政务公开</a></div>
<div class="main">` + article + `</div>
<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div>
<div class="bottom"><a href="#">打印本页</a> <a href="#">关闭窗口</a><a href="/map">网站地图</a></div>
</body></html>`
}

const htmlArticle = `<h1>某市2024年政府工作报告</h1><div class="body"><p>` + htmlPara1 + `</p><p>` + htmlPara2 + `</p><p>` + htmlPara3 + `</p></div>`

// encodePage encodes s for a test page, failing the test on a character
// the encoding cannot hold.
func encodePage(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding test page: %v", err)
	}
	return b
}

func TestReadHTMLCharsets(t *testing.T) {
	// 镕 is in GBK, not GB2312; 䶮 and 𠀀 only in GB18030's four-byte forms.
	const rare = "朱镕基、刘䶮、𠀀"
	rareArticle := strings.Replace(htmlArticle, "</p></div>", "</p><p>"+rare+"</p></div>", 1)
	padding := "<script>" + strings.Repeat("var x = 1;\n", 200) + "</script>"
	big5Page := `<html><head><meta charset="big5"><title>政府工作報告</title></head><body><div><a href="/">首頁</a></div><div><h1>政府工作報告</h1>
<p>過去一年，我們堅持穩中求進工作總基調，完整、準確、全面貫徹新發展理念，加快構建新發展格局，著力推動高質量發展。</p>
<p>全年地區生產總值增長百分之五點二，城鎮新增就業十二萬人，居民人均可支配收入穩步增長。</p></div></body></html>`
	tests := []struct {
		name string
		data []byte
		want string // a phrase of the article
		rare bool   // the page holds rare
	}{
		{"gb2312 meta charset", encodePage(t, simplifiedchinese.GBK,
			htmlPage(`<meta charset="gb2312"><title>报告</title>`, htmlArticle)), "坚持稳中求进工作总基调", false},
		{"gb2312 http-equiv, rare characters", encodePage(t, simplifiedchinese.GB18030,
			htmlPage(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, rareArticle)), "坚持稳中求进工作总基调", true},
		{"gbk declared after 1024 bytes", encodePage(t, simplifiedchinese.GBK,
			htmlPage(padding+`<meta http-equiv="Content-Type" content="text/html; charset=GBK">`, htmlArticle)), "坚持稳中求进工作总基调", false},
		{"undeclared gb18030", encodePage(t, simplifiedchinese.GB18030, htmlPage(``, rareArticle)), "坚持稳中求进工作总基调", true},
		{"big5", encodePage(t, traditionalchinese.Big5, big5Page), "堅持穩中求進工作總基調", false},
		{"declared gb2312 but utf-8", []byte(htmlPage(`<meta charset="gb2312">`, rareArticle)), "坚持稳中求进工作总基调", true},
		{"utf-8 with BOM", append([]byte("\xef\xbb\xbf"), htmlPage(`<meta charset="gb2312">`, htmlArticle)...), "坚持稳中求进工作总基调", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := readHTML(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if strings.ContainsRune(d.Text, '\uFFFD') {
				t.Errorf("replacement characters in text:\n%s", d.Text)
			}
			if !strings.Contains(d.Text, tt.want) {
				t.Errorf("article text not decoded:\n%s", d.Text)
			}
			if tt.rare && !strings.Contains(d.Text, rare) {
				t.Errorf("rare characters lost:\n%s", d.Text)
			}
		})
	}
}

func TestReadHTMLDropsScriptsAndFurniture(t *testing.T) {
	page := htmlPage(`<title>某市2024年政府工作报告_某市人民政府</title><style>p{color:red}</style>`,
		`<h1>某市2024年政府工作报告</h1><div class="body"><p>`+htmlPara1+`<script>alert(1)</script></p>
<noscript>请启用脚本</noscript><p style="display:none">隐藏的文字不应出现</p>
<p>`+htmlPara2+`</p><form><button>提交</button></form><p>`+htmlPara3+`</p>
<p><span onclick="window.print()">打印本页</span></p></div>`)
	d, err := readHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"alert", "color:red", "请启用脚本", "隐藏的文字", "提交", "打印本页", "分享到", "网站地图"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text holds %q:\n%s", bad, d.Text)
		}
	}
	want := "某市2024年政府工作报告\n\n" + htmlPara1 + "\n\n" + htmlPara2 + "\n\n" + htmlPara3
	if d.Text != want {
		t.Errorf("text =\n%s\nwant\n%s", d.Text, want)
	}
	if d.Meta.Title != "某市2024年政府工作报告" {
		t.Errorf("title = %q", d.Meta.Title)
	}
	if d.Removed == 0 {
		t.Errorf("Removed = 0; the link-only print button should count")
	}
}

func TestReadHTMLSourceURL(t *testing.T) {
	const want = "https://www.gov.cn/zhengce/2024-03/12/content_1.htm"
	tests := []struct {
		name, prefix, head, want string
	}{
		{"canonical", "", `<link rel="canonical" href="` + want + `">`, want},
		{"og:url", "", `<meta property="og:url" content="` + want + `">`, want},
		{"saved from", "<!-- saved from url=(0050)" + want + " -->\n", ``, want},
		{"relative canonical loses to saved from", "<!-- saved from url=(0050)" + want + " -->\n", `<link rel="canonical" href="/zhengce/x.htm">`, want},
		{"local file is not a source", "<!-- saved from url=(0014)about:internet -->\n", ``, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := readHTML([]byte(tt.prefix + htmlPage(tt.head, htmlArticle)))
			if err != nil {
				t.Fatal(err)
			}
			if d.Meta.SourceURL != tt.want {
				t.Errorf("SourceURL = %q, want %q", d.Meta.SourceURL, tt.want)
			}
		})
	}
}

func TestReadHTMLMeta(t *testing.T) {
	tests := []struct {
		name, head, article string
		want                Meta
	}{
		{"PubDate, ContentSource, ArticleTitle",
			`<meta name="ArticleTitle" content="某市2024年政府工作报告"><meta name="PubDate" content="2024-01-17 09:30:00"><meta name="ContentSource" content=" 某市人民政府办公室 "><title>某市2024年政府工作报告_某市人民政府</title>`,
			htmlArticle, Meta{Title: "某市2024年政府工作报告", Issuer: "某市人民政府办公室", Date: "2024-01-17"}},
		{"PubDate beats a date line",
			`<meta name="pubdate" content="2024/1/7"><title>x</title>`,
			`<div>发布时间：2023-12-30</div>` + htmlArticle, Meta{Title: "x", Date: "2024-01-07"}},
		{"date line near the top",
			`<title>某市人民政府 - 某市2024年政府工作报告</title>`,
			`<div class="info">来源：某市人民政府 发布时间：2024年1月7日 10:00</div>` + htmlArticle,
			Meta{Title: "某市2024年政府工作报告", Date: "2024-01-07"}},
		{"site suffix after |, no date",
			`<title>关于2023年国民经济和社会发展计划执行情况的报告 | 某省发展和改革委员会</title>`,
			`<p>` + htmlPara1 + `</p><p>` + htmlPara2 + `</p>`,
			Meta{Title: "关于2023年国民经济和社会发展计划执行情况的报告"}},
		{"og:title and a year range kept whole",
			`<meta property="og:title" content="某市国民经济和社会发展第十四个五年规划（2021-2025年）"><meta name="source" content="某市发展改革委">`,
			`<p>` + htmlPara1 + `</p><p>` + htmlPara2 + `</p>`,
			Meta{Title: "某市国民经济和社会发展第十四个五年规划（2021-2025年）", Issuer: "某市发展改革委"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := readHTML([]byte(htmlPage(tt.head, tt.article)))
			if err != nil {
				t.Fatal(err)
			}
			if d.Meta != tt.want {
				t.Errorf("Meta = %+v, want %+v", d.Meta, tt.want)
			}
			if first, _, _ := strings.Cut(d.Text, "\n"); tt.want.Title != "" && first != tt.want.Title {
				t.Errorf("first line = %q, want the title %q", first, tt.want.Title)
			}
		})
	}
}

// layoutPage is an old-style page laid out with tables: a menu column and
// the article in a cell of its own, among others.
const layoutPage = `<html><head><title>报告</title></head><body>
<table width="1000"><tr><td colspan="2"><a href="/">首页</a> | <a href="/a">机构概况</a> | <a href="/b">政务公开</a> | <a href="/c">办事服务</a></td></tr>
<tr><td width="200" class="left"><table><tr><td><a href="/1">通知公告</a></td></tr><tr><td><a href="/2">工作动态</a></td></tr><tr><td><a href="/3">政策解读：关于进一步优化营商环境的若干措施</a></td></tr></table></td>
<td width="800"><table><tr><td class="t">某县2024年政府工作报告</td></tr>
<tr><td id="body"><p>` + htmlPara1 + `</p><p>` + htmlPara2 + `</p><p>` + htmlPara3 + `</p>
<table border="1"><tr><td>指标</td><td>单位</td><td>数值</td></tr><tr><td>地区生产总值</td><td>亿元</td><td>312.5</td></tr></table></td></tr>
<tr><td><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></td></tr></table></td></tr>
<tr><td colspan="2">主办：某县人民政府办公室 备案号：赣ICP备00000000号</td></tr></table></body></html>`

func TestHTMLDensestBlockFallback(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(layoutPage))
	if err != nil {
		t.Fatal(err)
	}
	dense := densestBlock(doc)
	if dense == nil || htmlAttr(dense, "id") != "body" {
		t.Fatalf("densest block = %v, want the article cell td#body", dense)
	}
	// A readability pick that is a fragment of the article loses to the
	// densest block; one as long as it is kept.
	fragment := dense.FirstChild
	if got := articleText(fragment, dense).text; !strings.Contains(got, htmlPara3) {
		t.Errorf("fragment was not replaced by the densest block:\n%s", got)
	}
	if got := articleText(dense.Parent.Parent, dense).text; !strings.Contains(got, "某县2024年政府工作报告") {
		t.Errorf("a full pick was replaced:\n%s", got)
	}

	d, err := readHTML([]byte(layoutPage))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{htmlPara1, htmlPara2, htmlPara3, "地区生产总值\t亿元\t312.5"} {
		if !strings.Contains(d.Text, p) {
			t.Errorf("text lacks %q:\n%s", p, d.Text)
		}
	}
	for _, bad := range []string{"通知公告", "打印本页", "机构概况", "备案号"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text holds %q:\n%s", bad, d.Text)
		}
	}
}

func TestReadHTMLNoArticle(t *testing.T) {
	page := `<html><head><title>栏目导航_某市人民政府</title></head><body>
<ul><li><a href="/">首页</a></li><li><a href="/1">政务公开</a></li><li><a href="/2">政策文件</a></li><li><a href="/3">政府工作报告</a></li><li><a href="/4">规划计划</a></li></ul>
<div><a href="/a">上一篇</a> <a href="/b">下一篇</a></div><script>document.write("很长的脚本文字很长的脚本文字很长的脚本文字很长的脚本文字很长的脚本文字")</script>
<footer>主办：某市人民政府办公室 地址：某市某路一号 邮编：000000 电话：0000-0000000 备案号：某ICP备00000000号</footer></body></html>`
	_, err := readHTML([]byte(page))
	if !errors.Is(err, errNoArticle) {
		t.Fatalf("err = %v, want errNoArticle", err)
	}
	if !strings.Contains(err.Error(), "某市人民政府") {
		t.Errorf("error %q does not name the page's title", err)
	}
}

func TestHTMLRenderText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs and br", `<div><p>第一段</p>第二段<br>第三段</div>`, "第一段\n\n第二段\n\n第三段"},
		{"indent and line wrap in CJK", "<p>\u3000\u3000我们\n    坚持</p><p>&nbsp;&nbsp;增长 5.2%</p>", "我们坚持\n\n增长 5.2%"},
		{"typed space kept", `<p><font>某市统计局</font> <font> 国家统计局某市调查队</font></p>`, "某市统计局 国家统计局某市调查队"},
		{"entities", `<p>A&amp;B &lt;tag&gt; 甲&nbsp;乙</p>`, "A&B <tag> 甲 乙"},
		{"data table", `<table><tr><th>指标</th><th>数值</th></tr><tr><td><p>生产总值</p></td><td>1.2</td></tr><tr><td></td><td></td></tr></table>`, "指标\t数值\n\n生产总值\t1.2"},
		{"headings and lists", `<h2>一、综合</h2><ul><li>甲项</li><li>乙项</li></ul>`, "一、综合\n\n甲项\n\n乙项"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := renderText(doc).text; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHTMLSplitTitle(t *testing.T) {
	tests := []struct {
		in       string
		headings []string
		want     string
	}{
		{"宜春市2022年国民经济和社会发展统计公报 _ 中国宜春", nil, "宜春市2022年国民经济和社会发展统计公报"},
		{"中国宜春 - 统计公报 - 宜春市2022年统计公报", nil, "宜春市2022年统计公报"},
		{"政府工作报告_首页_某市人民政府门户网站", []string{"政府工作报告"}, "政府工作报告"},
		{"某市“十四五”规划（2021-2025年）", nil, "某市“十四五”规划（2021-2025年）"},
		{"政府工作报告——2024年1月在某市第十七届人民代表大会第四次会议上", nil, "政府工作报告——2024年1月在某市第十七届人民代表大会第四次会议上"},
	}
	for _, tt := range tests {
		if got := pickTitlePart(splitTitle(tt.in), tt.headings); got != tt.want {
			t.Errorf("title of %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Navigation words that must never be a line of an article's text.
var htmlNavWords = []string{"首页", "上一篇", "下一篇", "分享到", "打印本页", "关闭窗口", "网站地图"}

var htmlTagRe = regexp.MustCompile(`<(/?[a-zA-Z][a-zA-Z0-9]*|!--)`)

// TestHTMLPublishedPages reads the real saved government pages.
func TestHTMLPublishedPages(t *testing.T) {
	var files []string
	for _, pat := range []string{"*.html", "*.htm"} {
		m, err := filepath.Glob(filepath.Join("..", "testdata", "published", "html", pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no saved pages in testdata/published/html")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if Sniff(data) != HTML {
				t.Errorf("Sniff = %s, want html", Sniff(data))
			}
			d, err := readHTML(data)
			if err != nil {
				t.Fatal(err)
			}
			if d.Meta.Title == "" {
				t.Error("no title")
			}
			if n := hanCount(d.Text); n < 2000 {
				t.Errorf("%d Chinese characters, want ≥ 2000", n)
			}
			lines := map[string]bool{}
			for line := range strings.Lines(d.Text) {
				line = strings.TrimSpace(line)
				lines[dropSpaces(line)] = true
				if m := htmlTagRe.FindString(line); m != "" || strings.Contains(line, "&nbsp;") {
					t.Errorf("markup %q in line %q", m, line)
				}
				for _, w := range htmlNavWords {
					if strings.TrimRight(line, ":： ") == w {
						t.Errorf("navigation line %q", line)
					}
				}
			}
			twin := strings.TrimSuffix(f, filepath.Ext(f)) + ".txt"
			want, err := os.ReadFile(twin)
			if err != nil {
				return // no plain-text twin
			}
			text := dropSpaces(d.Text)
			found, total := 0, 0
			for line := range strings.Lines(string(want)) {
				if line = dropSpaces(line); line != "" {
					total++
					if lines[line] || strings.Contains(text, line) {
						found++
					}
				}
			}
			if total > 0 && found*10 < total*9 {
				t.Errorf("%d of %s's %d lines are in the text, want ≥ 90%%", found, filepath.Base(twin), total)
			}
		})
	}
}

func TestReadHTMLMalformed(t *testing.T) {
	page := `<html><body><div><p>` + htmlPara1 + `<div></span></td><p>` + htmlPara2 + `<table><tr><td>甲<td>乙</table></b></i><p>` + htmlPara3
	d, err := readHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{htmlPara1, htmlPara2, htmlPara3} {
		if !strings.Contains(d.Text, p) {
			t.Errorf("text lacks %q:\n%s", p, d.Text)
		}
	}
}

func FuzzReadHTML(f *testing.F) {
	f.Add([]byte(htmlPage(`<meta charset="gb2312">`, htmlArticle)))
	f.Add([]byte(layoutPage))
	f.Add([]byte("<!-- saved from url=(0020)http://x.gov.cn/ --><html><title>a_b|c-d</title><p>" + htmlPara1))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := readHTML(data)
		if err != nil {
			return
		}
		if strings.Contains(d.Text, "\n\n\n") {
			t.Errorf("more than one blank line between paragraphs: %q", d.Text)
		}
		for line := range strings.Lines(d.Text) {
			line = strings.TrimSuffix(line, "\n")
			if line != strings.TrimRight(strings.TrimLeft(line, "\t"), " \t") && strings.TrimSpace(line) != "" {
				t.Errorf("line with white space at its ends: %q", line)
			}
		}
		if d.Meta.Date != "" && !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(d.Meta.Date) {
			t.Errorf("Date = %q", d.Meta.Date)
		}
	})
}
