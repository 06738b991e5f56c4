package corpus

import (
	"strconv"
	"strings"
	"testing"
)

// figureCase names a figure by a piece of its sentence and its text, and
// says what must be extracted for it.
type figureCase struct {
	evidence  string // a literal piece of the sentence
	text      string // the figure as written
	value     float64
	unit      string
	norm      float64
	base      string
	year      int
	kind      FigureKind
	measure   Measure
	indicator string // must be contained in the indicator
	qualifier string
}

func findFigure(t *testing.T, r *Report, evidence, text string) *Figure {
	t.Helper()
	for f := range r.Figures() {
		if f.Text == text && strings.Contains(f.Sentence, evidence) {
			return f
		}
	}
	return nil
}

func checkFigures(t *testing.T, r *Report, cases []figureCase) {
	t.Helper()
	for _, c := range cases {
		f := findFigure(t, r, c.evidence, c.text)
		if f == nil {
			t.Errorf("no figure %q in a sentence with %q", c.text, c.evidence)
			continue
		}
		if f.Value != c.value || f.Unit != c.unit || f.Year != c.year || f.Kind != c.kind || !strings.Contains(f.Indicator, c.indicator) {
			t.Errorf("%s: got value %v unit %q year %d kind %s indicator %q; want %v %q %d %s ⊇%q",
				c.text, f.Value, f.Unit, f.Year, f.Kind, f.Indicator, c.value, c.unit, c.year, c.kind, c.indicator)
		}
		if c.norm != 0 && (f.Normalized != c.norm || f.BaseUnit != c.base) {
			t.Errorf("%s: normalized %v %s, want %v %s", c.text, f.Normalized, f.BaseUnit, c.norm, c.base)
		}
		if c.measure != "" && f.Measure != c.measure {
			t.Errorf("%s: measure %s, want %s", c.text, f.Measure, c.measure)
		}
		if c.qualifier != "" && f.Qualifier != c.qualifier {
			t.Errorf("%s: qualifier %q, want %q", c.text, f.Qualifier, c.qualifier)
		}
	}
}

// TestAnswerFigures covers the figure behind each question of the sample
// question set (../shared/eval/qa_dev.tsv).
func TestAnswerFigures(t *testing.T) {
	A, T := FigureActual, FigureTarget
	checkFigures(t, mustDefault(t), []figureCase{
		{evidence: "新培育境内外上市企业2家", text: "2家", value: 2, unit: "家", year: 2022, kind: A, indicator: "境内外上市企业"},
		{evidence: "领军人才39名", text: "39名", value: 39, unit: "名", norm: 39, base: "人", year: 2022, kind: A, indicator: "领军人才"},
		{evidence: "企业研发平台18家", text: "18家", value: 18, unit: "家", year: 2022, kind: A, indicator: "企业研发平台"},
		{evidence: "“领雁”项目17个", text: "17个", value: 17, unit: "个", year: 2022, kind: A, indicator: "“尖兵”“领雁”项目"},
		{evidence: "10亿元以上产业项目11个", text: "11个", value: 11, unit: "个", year: 2022, kind: A, indicator: "10亿元以上产业项目"},
		{evidence: "完成投资186.3亿元", text: "186.3亿元", value: 186.3, unit: "亿元", norm: 1.863e10, base: "元", year: 2022, kind: A, indicator: "投资"},
		{evidence: "收储地块16宗457亩", text: "16宗", value: 16, unit: "宗", year: 2022, kind: A, indicator: "收储地块"},
		{evidence: "2275套", text: "2275套", value: 2275, unit: "套", year: 2022, kind: A, indicator: "安置房"},
		{evidence: "新建重建道路36条", text: "36条", value: 36, unit: "条", year: 2022, kind: A, indicator: "新建重建道路"},
		{evidence: "绿地70.1万平方米", text: "70.1万平方米", value: 70.1, unit: "万平方米", norm: 701000, base: "平方米", year: 2022, kind: A, indicator: "绿地"},
		{evidence: "创建“无废细胞”36个", text: "36个", value: 36, unit: "个", year: 2022, kind: A, indicator: "无废细胞"},
		{evidence: "交付使用14所学校", text: "14所", value: 14, unit: "所", year: 2022, kind: A, indicator: "交付使用学校"},
		{evidence: "医疗保险参保率达99.73%", text: "99.73%", value: 99.73, unit: "%", year: 2022, kind: A, measure: MeasureRate, indicator: "医疗保险参保率", qualifier: "达"},
		{evidence: "发放各类社会救助金6963.67万元", text: "6963.67万元", value: 6963.67, unit: "万元", norm: 69636700, base: "元", year: 2022, kind: A, indicator: "社会救助金"},
		{evidence: "新改建体育健身设施299处", text: "299处", value: 299, unit: "处", year: 2022, kind: A, indicator: "体育健身设施"},
		{evidence: "分别下降18.4%、18.1%", text: "18.1%", value: 18.1, unit: "%", year: 2022, kind: A, measure: MeasureDecline, indicator: "治安警情"},
		{evidence: "区本级完成地块收储350亩", text: "350亩", value: 350, unit: "亩", year: 2023, kind: T, indicator: "地块收储"},
		{evidence: "低效用地6400亩", text: "6400亩", value: 6400, unit: "亩", year: 2023, kind: T, indicator: "低效用地"},
		{evidence: "推进新建道路24条", text: "24条", value: 24, unit: "条", year: 2023, kind: T, indicator: "新建道路"},
		{evidence: "筹建公租房5万平方米", text: "5万平方米", value: 5, unit: "万平方米", norm: 50000, base: "平方米", year: 2023, kind: T, indicator: "公租房"},
		{evidence: "提升社区卫生服务站14家", text: "14家", value: 14, unit: "家", year: 2023, kind: T, indicator: "社区卫生服务站"},
		{evidence: "招引高端生产性服务业企业25家", text: "25家", value: 25, unit: "家", year: 2023, kind: T, indicator: "高端生产性服务业企业"},
		{evidence: "招引制造业项目20个", text: "20个", value: 20, unit: "个", year: 2023, kind: T, indicator: "制造业项目"},
		{evidence: "活动3000场", text: "3000场", value: 3000, unit: "场", year: 2023, kind: T, indicator: "活动"},
		{evidence: "打造邻里书房20家", text: "20家", value: 20, unit: "家", year: 2023, kind: T, indicator: "邻里书房"},
	})
}

// TestSpotFigures checks figures across every part of the default report,
// including the hard cases: estimates, growth rates that refer back to an
// amount, lists with 分别, thresholds, Chinese numerals, qualifiers.
func TestSpotFigures(t *testing.T) {
	A, E, T := FigureActual, FigureEstimate, FigureTarget
	G, D, L, R := MeasureGrowth, MeasureDecline, MeasureLevel, MeasureRate
	checkFigures(t, mustDefault(t), []figureCase{
		// part 一 (2022 results, estimates)
		{evidence: "预计全年实现地区生产总值2525亿元", text: "2525亿元", value: 2525, unit: "亿元", norm: 2.525e11, base: "元", year: 2022, kind: E, measure: L, indicator: "地区生产总值"},
		{evidence: "地区生产总值2525亿元，同比增长3.3%", text: "3.3%", value: 3.3, unit: "%", year: 2022, kind: E, measure: G, indicator: "地区生产总值"},
		{evidence: "服务业增加值1860亿元", text: "4%", value: 4, unit: "%", year: 2022, kind: E, measure: G, indicator: "服务业增加值"},
		{evidence: "固定资产投资同比增长5.5%", text: "5.5%", value: 5.5, unit: "%", year: 2022, kind: E, measure: G, indicator: "固定资产投资"},
		{evidence: "社会消费品零售总额1069亿元", text: "1069亿元", value: 1069, unit: "亿元", year: 2022, kind: E, indicator: "社会消费品零售总额"},
		{evidence: "一般公共预算收入210.6亿元", text: "4.6%", value: 4.6, unit: "%", year: 2022, kind: A, measure: G, indicator: "一般公共预算收入"},
		{evidence: "城镇新增就业3.4万人", text: "3.4万人", value: 3.4, unit: "万人", norm: 34000, base: "人", year: 2022, kind: A, indicator: "城镇新增就业"},
		// part 二 (2022 results)
		{evidence: "资产管理总规模达1.2万亿元", text: "1.2万亿元", value: 1.2, unit: "万亿元", norm: 1.2e12, base: "元", year: 2022, kind: A, indicator: "资产管理总规模", qualifier: "达"},
		{evidence: "数字经济核心产业增加值同比增长45%", text: "45%", value: 45, unit: "%", year: 2022, kind: E, measure: G, indicator: "数字经济核心产业增加值"},
		{evidence: "实现税收亿元楼宇62幢", text: "62幢", value: 62, unit: "幢", year: 2022, kind: A, indicator: "税收亿元楼宇"},
		{evidence: "税收十亿元楼宇11幢", text: "11幢", value: 11, unit: "幢", year: 2022, kind: A, indicator: "税收十亿元楼宇"},
		{evidence: "大型系列活动10余场", text: "10余场", value: 10, unit: "场", year: 2022, kind: A, indicator: "系列活动", qualifier: "余"},
		{evidence: "100%的事项实现“网上办”", text: "100%", value: 100, unit: "%", year: 2022, kind: A, measure: R, indicator: "事项"},
		{evidence: "集中走访服务企业12084家次", text: "12084家次", value: 12084, unit: "家次", year: 2022, kind: A, indicator: "走访服务企业"},
		{evidence: "惠及市场主体19.9万户次", text: "19.9万户次", value: 19.9, unit: "万户次", norm: 199000, base: "户次", year: 2022, kind: A, indicator: "市场主体"},
		{evidence: "村级集体资产总额约440亿元", text: "440亿元", value: 440, unit: "亿元", year: 2022, kind: A, indicator: "村级集体资产总额", qualifier: "约"},
		{evidence: "新认定国家高新技术企业148家", text: "148家", value: 148, unit: "家", year: 2022, kind: A, indicator: "国家高新技术企业"},
		{evidence: "省级科技型中小企业455家", text: "455家", value: 455, unit: "家", year: 2022, kind: A, indicator: "省级科技型中小企业"},
		{evidence: "实际利用外资10.9亿美元", text: "10.9亿美元", value: 10.9, unit: "亿美元", norm: 1.09e9, base: "美元", year: 2022, kind: A, indicator: "实际利用外资"},
		{evidence: "落地亿元以上产业项目191个", text: "191个", value: 191, unit: "个", year: 2022, kind: A, indicator: "亿元以上产业项目"},
		{evidence: "新增城市可开发面积9.9平方公里", text: "9.9平方公里", value: 9.9, unit: "平方公里", norm: 9.9e6, base: "平方米", year: 2022, kind: A, indicator: "城市可开发面积"},
		{evidence: "收储地块16宗457亩", text: "457亩", value: 457, unit: "亩", year: 2022, kind: A, indicator: "收储地块"},
		{evidence: "538.5万平方米", text: "538.5万平方米", value: 538.5, unit: "万平方米", norm: 5385000, base: "平方米", year: 2022, kind: A, indicator: "老旧小区改造"},
		{evidence: "完成既有住宅加装电梯127台", text: "127台", value: 127, unit: "台", year: 2022, kind: A, indicator: "加装电梯"},
		{evidence: "供电可靠率达99.9%以上", text: "99.9%以上", value: 99.9, unit: "%", year: 2022, kind: A, measure: R, indicator: "供电可靠率", qualifier: "以上"},
		{evidence: "六号港绿道37.6公里", text: "37.6公里", value: 37.6, unit: "公里", norm: 37600, base: "米", year: 2022, kind: A, indicator: "绿道"},
		{evidence: "安全转移危废2261.27吨", text: "2261.27吨", value: 2261.27, unit: "吨", year: 2022, kind: A, indicator: "危废"},
		{evidence: "入驻13000余名优秀教师", text: "13000余名", value: 13000, unit: "名", year: 2022, kind: A, indicator: "优秀教师", qualifier: "余"},
		{evidence: "143所学校", text: "143所", value: 143, unit: "所", year: 2022, kind: A, indicator: "学校"},
		{evidence: "接种新冠疫苗368.09万剂次", text: "368.09万剂次", value: 368.09, unit: "万剂次", norm: 3680900, base: "剂次", year: 2022, kind: A, indicator: "新冠疫苗"},
		{evidence: "核酸检测超15622万人份", text: "15622万人份", value: 15622, unit: "万人份", norm: 156220000, base: "人份", year: 2022, kind: A, indicator: "核酸检测", qualifier: "超"},
		{evidence: "兑现就创扶持资金1.63亿余元", text: "1.63亿余元", value: 1.63, unit: "亿元", norm: 1.63e8, base: "元", year: 2022, kind: A, indicator: "就创扶持资金", qualifier: "余"},
		{evidence: "基本养老保险参保率达99.8%", text: "99.8%", value: 99.8, unit: "%", year: 2022, kind: A, measure: R, indicator: "基本养老保险参保率"},
		{evidence: "服务健身人数近80万", text: "80万", value: 80, unit: "万", norm: 800000, base: "", year: 2022, kind: A, indicator: "健身人数", qualifier: "近"},
		{evidence: "调解成功率99.87%", text: "99.87%", value: 99.87, unit: "%", year: 2022, kind: A, measure: R, indicator: "调解成功率"},
		{evidence: "分别下降18.4%、18.1%", text: "18.4%", value: 18.4, unit: "%", year: 2022, kind: A, measure: D, indicator: "刑事警情"},
		{evidence: "死亡人数均下降50%", text: "50%", value: 50, unit: "%", year: 2022, kind: A, measure: D, indicator: "死亡人数"},
		{evidence: "火灾起数同比下降13.33%", text: "13.33%", value: 13.33, unit: "%", year: 2022, kind: A, measure: D, indicator: "火灾起数"},
		// part 三 (2023 targets)
		{evidence: "地区生产总值增长5.5%左右", text: "5.5%左右", value: 5.5, unit: "%", year: 2023, kind: T, measure: G, indicator: "地区生产总值", qualifier: "左右"},
		{evidence: "城镇新增就业3.2万人", text: "3.2万人", value: 3.2, unit: "万人", norm: 32000, base: "人", year: 2023, kind: T, indicator: "城镇新增就业"},
		// part 四 (2023 targets)
		{evidence: "力争培育市级“未来工厂”企业2家以上", text: "2家以上", value: 2, unit: "家", year: 2023, kind: T, indicator: "“未来工厂”企业", qualifier: "以上"},
		{evidence: "制造业投资增长15%", text: "15%", value: 15, unit: "%", year: 2023, kind: T, measure: G, indicator: "制造业投资"},
		{evidence: "税收亿元楼宇总量突破66幢", text: "66幢", value: 66, unit: "幢", year: 2023, kind: T, indicator: "税收亿元楼宇", qualifier: "突破"},
		{evidence: "设立1亿元出海基金", text: "1亿元", value: 1, unit: "亿元", norm: 1e8, base: "元", year: 2023, kind: T, indicator: "出海基金"},
		{evidence: "实现跨境电商进出口增长5%以上", text: "5%以上", value: 5, unit: "%", year: 2023, kind: T, measure: G, indicator: "跨境电商进出口"},
		{evidence: "新培育国家高新技术企业120家", text: "120家", value: 120, unit: "家", year: 2023, kind: T, indicator: "国家高新技术企业"},
		{evidence: "力争实际到位外资10亿美元", text: "10亿美元", value: 10, unit: "亿美元", year: 2023, kind: T, indicator: "实际到位外资"},
		{evidence: "年度投资超150亿元", text: "150亿元", value: 150, unit: "亿元", year: 2023, kind: T, indicator: "年度投资", qualifier: "超"},
		{evidence: "完成既有住宅加装电梯80台", text: "80台", value: 80, unit: "台", year: 2023, kind: T, indicator: "加装电梯"},
		{evidence: "打造百条韵味街巷", text: "百条", value: 100, unit: "条", year: 2023, kind: T, indicator: "韵味街巷"},
		{evidence: "学前教育优质覆盖率达到97%", text: "97%", value: 97, unit: "%", year: 2023, kind: T, measure: R, indicator: "学前教育优质覆盖率"},
		{evidence: "新增托位600个", text: "600个", value: 600, unit: "个", year: 2023, kind: T, indicator: "托位"},
		{evidence: "“综合查一次”实施率达20%", text: "20%", value: 20, unit: "%", year: 2023, kind: T, measure: R, indicator: "实施率"},
	})
}

// TestFigureCoverage reports how many figures the default report yields and
// how many have an indicator; it fails if either drops.
func TestFigureCoverage(t *testing.T) {
	r := mustDefault(t)
	n, withIndicator := 0, 0
	for f := range r.Figures() {
		n++
		if f.Indicator != "" {
			withIndicator++
		}
		p := r.Paragraph(f.ParagraphID)
		if p == nil || p.Text[f.Start:f.End] != f.Text || !strings.Contains(f.Sentence, f.Text) {
			t.Errorf("%s: span [%d,%d) does not hold %q", f.ID, f.Start, f.End, f.Text)
		}
	}
	share := float64(withIndicator) / float64(n)
	t.Logf("default report: %d figures, %.1f%% with an indicator", n, 100*share)
	if n < 235 || share < 0.99 {
		t.Errorf("%d figures (want ≥ 235), %.3f with an indicator (want ≥ 0.99)", n, share)
	}
}

func TestNotFigures(t *testing.T) {
	sentences := []string{
		"2023年是贯彻落实党的二十大精神开局之年，是“八八战略”实施20周年。",
		"紧扣“3+2”产业体系，与“十四五”规划提出的目标相衔接。",
		"“时间银行”等应用场景入选全省“一本账S2”。",
		"新建天城单元G12-03地块绿地。",
		"以PM2.5浓度持续下降为主线，加快5G基站建设。",
		"全国排名上升到第13位，位居全省第一。",
		"惠及千家万户，千方百计扩大内需，一个中心两个基本点。",
		"11月6日至10日，第十五届全国运动会开幕。",
		"坚持“五精”“五高”标准，迭代升级“141”基层治理体系。",
		"城乡居民收入比从2.50:1缩小至2.27:1。",
		"打造千亿级、500亿级产业集群。",
		"建设750千伏输变电工程。",
		"淘汰国三及以下排放标准的8座以下小汽车。",
	}
	for _, s := range sentences {
		r, err := Parse("t.txt", []byte("一、测试\n"+s+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		for f := range r.Figures() {
			t.Errorf("%q: unexpected figure %q (indicator %q)", s, f.Text, f.Indicator)
		}
	}
}

func TestFiguresInOtherReports(t *testing.T) {
	r, err := ReadFile("testdata/reports/040_city_zhumadian_2015_gwr.txt")
	if err != nil {
		t.Fatal(err)
	}
	A := FigureActual
	checkFigures(t, r, []figureCase{
		// …8310元，分别增长9.7%和11.1%: the rates go back to the amounts before.
		{evidence: "分别增长9.7%和11.1%", text: "9.7%", value: 9.7, unit: "%", year: 2014, kind: A, measure: MeasureGrowth, indicator: "城镇居民人均可支配收入"},
		{evidence: "分别增长9.7%和11.1%", text: "11.1%", value: 11.1, unit: "%", year: 2014, kind: A, measure: MeasureGrowth, indicator: "农民人均纯收入"},
		{evidence: "全年完成生产总值1691.3亿元", text: "1691.3亿元", value: 1691.3, unit: "亿元", year: 2014, kind: A, indicator: "生产总值"},
	})
	national, err := ReadFile("testdata/reports/015_national_2024_gwr.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkFigures(t, national, []figureCase{
		{evidence: "国内生产总值超过126万亿元", text: "126万亿元", value: 126, unit: "万亿元", norm: 1.26e14, base: "元", year: 2023, kind: A, indicator: "国内生产总值", qualifier: "超过"},
		{evidence: "城镇调查失业率平均为5.2%", text: "5.2%", value: 5.2, unit: "%", year: 2023, kind: A, measure: MeasureRate, indicator: "城镇调查失业率"},
		{evidence: "比上年增加1.1万亿元", text: "1.1万亿元", value: 1.1, unit: "万亿元", year: 2024, kind: FigureTarget, measure: MeasureGrowth, indicator: "一般公共预算支出规模"},
	})
}

// FuzzScanAmount feeds arbitrary text to the figure extractor. It must never
// panic, every figure's span must hold its text, and the value must be the
// number written there.
//
//	go test ./corpus -run '^$' -fuzz FuzzScanAmount -fuzztime 60s
func FuzzScanAmount(f *testing.F) {
	for _, s := range []string{
		"预计全年实现地区生产总值2525亿元，同比增长3.3%", "入驻13000余名优秀教师、143所学校", "1.2万亿元", "1,234,567元",
		"刑事警情、治安警情分别下降18.4%、18.1%", "打造百条韵味街巷", "兑现就创扶持资金1.63亿余元", "10亿元以上产业项目11个",
		"99.9%以上", "近80万", "0.5个百分点", "2.50:1", "第13位", "PM2.5", "十亿元", "二〇二三年", "9.9平方公里",
		"三百五十六亿二千万元", "百分之五点二", "二十五亿七千多万元", "增长1O%", "增长l3.6%", "十万千瓦",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := &Paragraph{ID: "x/p1", Text: Normalize(s)}
		p.Sentences = Sentences(p.Text)
		extractFigures(p, figureContext{past: 2022, plan: 2023, delivered: 2023})
		for _, fig := range p.Figures {
			if fig.Start < 0 || fig.End > len(p.Text) || fig.Start >= fig.End || p.Text[fig.Start:fig.End] != fig.Text {
				t.Fatalf("figure %+v: span outside its text %q", fig, p.Text)
			}
			if fig.Low != nil {
				continue // a range: its text holds both bounds
			}
			start, sign := fig.Start, 1.0
			if p.Text[start] == '-' {
				start, sign = start+1, -1
			}
			// The letters typed for digits (1O%) are read as the digits;
			// the sentence is folded as the extractor folds it.
			sp := sentenceAt(p.Sentences, fig.Start)
			folded := p.Text[:sp.Start] + foldDigitTypos(p.Text[sp.Start:sp.End]) + p.Text[sp.End:]
			a, ok := scanAmount(folded, start)
			if !ok || sign*a.value != fig.Value {
				t.Fatalf("figure %q: value %v is not what the text says (%v, %v)", fig.Text, fig.Value, a.value, ok)
			}
			if !a.chinese {
				written := folded[fig.Start:a.numEnd]
				written = strings.ReplaceAll(written, ",", "")
				if v, err := strconv.ParseFloat(written, 64); err != nil || v != fig.Value {
					t.Fatalf("figure %q: value %v, text says %q", fig.Text, fig.Value, written)
				}
			}
		}
	})
}

// sentenceAt returns the sentence that holds byte i.
func sentenceAt(ss []Sentence, i int) Sentence {
	for _, s := range ss {
		if i >= s.Start && i < s.End {
			return s
		}
	}
	return Sentence{}
}

// TestFigureEdgeCases covers the patterns an audit of real reports found:
// explicit and five-year periods, amounts of money that are not thresholds,
// lists, absolute changes, negative values, ranges, per-unit rates and
// thousands separators typed as Chinese commas.
func TestFigureEdgeCases(t *testing.T) {
	type want struct {
		text, indicator string
		value           float64
		year            int
		period          string
		kind            FigureKind
		measure         Measure
		low             float64
	}
	tests := []struct {
		part     string // "result" (a 2022 review) or "target" (a 2023 plan) or a heading
		sentence string
		want     []want
	}{
		{"target", "2022年，全区实现地区生产总值2525亿元。", []want{{text: "2525亿元", indicator: "地区生产总值", value: 2525, year: 2022, kind: FigureActual, measure: MeasureLevel}}},
		{"result", "到2025年，研发投入强度达到3.5%。", []want{{text: "3.5%", indicator: "研发投入强度", value: 3.5, year: 2025, kind: FigureTarget, measure: MeasureRate}}},
		{"result", "五年来，城镇新增就业36.9万人，地区生产总值年均增长5.8%。", []want{
			{text: "36.9万人", indicator: "城镇新增就业", value: 36.9, period: "2018-2022", kind: FigureActual, measure: MeasureLevel},
			{text: "5.8%", indicator: "地区生产总值", value: 5.8, period: "2018-2022", kind: FigureActual, measure: MeasureGrowth}}},
		{"二、“十五五”时期的主要目标", "全社会研发投入强度达到3.2%左右。", []want{{text: "3.2%左右", indicator: "全社会研发投入强度", value: 3.2, period: "2026-2030", kind: FigureTarget, measure: MeasureRate}}},
		{"result", "金融机构存贷款余额达247亿元和197亿元。", []want{
			{text: "247亿元", indicator: "金融机构存款余额", value: 247, year: 2022, kind: FigureActual},
			{text: "197亿元", indicator: "金融机构贷款余额", value: 197, year: 2022, kind: FigureActual}}},
		{"result", "投资1.2亿元完成16个老旧小区环境综合整治。", []want{
			{text: "1.2亿元", indicator: "投资", value: 1.2, year: 2022, kind: FigureActual},
			{text: "16个", indicator: "老旧小区环境综合整治", value: 16, year: 2022, kind: FigureActual}}},
		{"result", "城乡常住居民人均可支配收入分别完成37820元、28104元。", []want{
			{text: "37820元", indicator: "城镇常住居民人均可支配收入", value: 37820, year: 2022, kind: FigureActual},
			{text: "28104元", indicator: "农村常住居民人均可支配收入", value: 28104, year: 2022, kind: FigureActual}}},
		{"result", "每千人床位数、执业医师数增至7.83张、3.57个。", []want{
			{text: "7.83张", indicator: "每千人床位数", value: 7.83, year: 2022, kind: FigureActual},
			{text: "3.57个", indicator: "执业医师数", value: 3.57, year: 2022, kind: FigureActual}}},
		{"target", "城乡居民基础养老金月最低标准提高20元。", []want{{text: "20元", indicator: "城乡居民基础养老金月最低标准", value: 20, year: 2023, kind: FigureTarget, measure: MeasureGrowth}}},
		{"result", "工业增加值增长-3.2%。", []want{{text: "-3.2%", indicator: "工业增加值", value: -3.2, year: 2022, kind: FigureActual, measure: MeasureGrowth}}},
		{"target", "力争认定头雁企业3~5家。", []want{{text: "3~5家", indicator: "认定头雁企业", value: 5, low: 3, year: 2023, kind: FigureTarget}}},
		{"target", "经济增长5%—6%。", []want{{text: "5%—6%", indicator: "经济", value: 6, low: 5, year: 2023, kind: FigureTarget, measure: MeasureGrowth}}},
		// The growth named as a target before its value.
		{"target", "综合分析国内外各种情况，今年经济增长预期目标为7%左右。", []want{{text: "7%左右", indicator: "经济", value: 7, year: 2023, kind: FigureTarget, measure: MeasureGrowth}}},
		{"target", "地区生产总值增长目标为5.5%。", []want{{text: "5.5%", indicator: "地区生产总值", value: 5.5, year: 2023, kind: FigureTarget, measure: MeasureGrowth}}},
		// A clause that says only when takes the thing of the clause before;
		// the level a change started from is a level, and the year right
		// before a value in Chinese digits is not part of the indicator.
		{"result", "全国粮食总产量，在过去四年中共增加了一千九百零五亿斤，即从一九五五年的三千四百九十六亿斤，增加到了一九五九年的五千四百零一亿斤。", []want{
			{text: "一千九百零五亿斤", indicator: "全国粮食总产量", value: 1905, year: 2022, kind: FigureActual, measure: MeasureGrowth},
			{text: "三千四百九十六亿斤", indicator: "全国粮食总产量", value: 3496, year: 1955, kind: FigureActual, measure: MeasureLevel},
			{text: "五千四百零一亿斤", indicator: "全国粮食总产量", value: 5401, year: 1959, kind: FigureActual, measure: MeasureLevel}}},
		// Spaces around a year, as crawled text has them.
		{"target", "力争到 2025 年，城乡居民人均可支配收入达到 20000 元以上。", []want{{text: "20000 元以上", indicator: "城乡居民人均可支配收入", value: 20000, year: 2025, kind: FigureTarget, measure: MeasureLevel}}},
		// 到 a year before the plan's is a year reached, not aimed at.
		{"target", "到2022年底，全区已经建成充电桩300个。", []want{{text: "300个", indicator: "已经建成充电桩", value: 300, year: 2022, kind: FigureActual, measure: MeasureLevel}}},
		// 去年 opening a clause dates it as the year before delivery.
		{"target", "五年来科技实力明显增强，去年全省研发经费支出约4200亿元。", []want{{text: "4200亿元", indicator: "研发经费支出", value: 4200, year: 2022, kind: FigureActual, measure: MeasureLevel}}},
		// An aside after a figure that gives its target.
		{"result", "预计全年地区生产总值完成92.4亿元，增长6.5%（年度目标6%以上）。", []want{
			{text: "92.4亿元", indicator: "地区生产总值", value: 92.4, year: 2022, kind: FigureEstimate, measure: MeasureLevel},
			{text: "6.5%", indicator: "地区生产总值", value: 6.5, year: 2022, kind: FigureEstimate, measure: MeasureGrowth},
			{text: "6%以上", indicator: "地区生产总值", value: 6, year: 2022, kind: FigureTarget, measure: MeasureGrowth}}},
		// A target that is not a change keeps its words.
		{"target", "城镇调查失业率预期目标为5.5%左右。", []want{{text: "5.5%左右", indicator: "城镇调查失业率预期目标", value: 5.5, year: 2023, kind: FigureTarget, measure: MeasureRate}}},
		{"result", "土地出让均价30万元/亩。", []want{{text: "30万元/亩", indicator: "土地出让均价", value: 30, year: 2022, kind: FigureActual}}},
		{"result", "煤炭产量62，000万吨。", []want{{text: "62,000万吨", indicator: "煤炭产量", value: 62000, year: 2022, kind: FigureActual}}},
		{"target", "预计今年高校毕业生超过1170万人。", []want{{text: "1170万人", indicator: "高校毕业生", value: 1170, year: 2023, kind: FigureEstimate}}},
		{"result", "争取中央资金120亿元。", []want{{text: "120亿元", indicator: "争取中央资金", value: 120, year: 2022, kind: FigureActual}}},
		{"result", "人均预期寿命达到78.5岁，65岁以上老年人健康管理率72%。", []want{
			{text: "78.5岁", indicator: "人均预期寿命", value: 78.5, year: 2022, kind: FigureActual},
			{text: "72%", indicator: "65岁以上老年人健康管理率", value: 72, year: 2022, kind: FigureActual, measure: MeasureRate}}},
		// An annual average (年均浓度) is not a rate over years.
		{"result", "PM2.5年均浓度为26.3微克/立方米、下降7.4%。", []want{
			{text: "26.3微克/立方米", indicator: "PM2.5年均浓度", value: 26.3, year: 2022, kind: FigureActual},
			{text: "7.4%", indicator: "PM2.5年均浓度", value: 7.4, year: 2022, kind: FigureActual, measure: MeasureDecline}}},
		// 从2017年的…增长到2022年的… are the values of those years, not a
		// target; 年均 after them is the period's.
		{"result", "生产总值从2017年的3.68万亿元增长到2022年的4.93万亿元，工业增加值年均增长6.5%。", []want{
			{text: "3.68万亿元", indicator: "生产总值", value: 3.68, year: 2017, kind: FigureActual},
			{text: "4.93万亿元", indicator: "生产总值", value: 4.93, year: 2022, kind: FigureActual},
			{text: "6.5%", indicator: "工业增加值", value: 6.5, period: "2018-2022", kind: FigureActual, measure: MeasureGrowth}}},
		// A sentence that opens with a period or a year turns the paragraph
		// to it: the five years first, then the year just past.
		{"result", "“十三五”时期，是不平凡的五年。全区生产总值突破2500亿元。刚刚过去的2022年，我们攻坚克难。生产总值增长6%，粮食产量16亿斤。", []want{
			{text: "2500亿元", indicator: "生产总值", value: 2500, period: "2016-2020", kind: FigureActual},
			{text: "6%", indicator: "生产总值", value: 6, year: 2022, kind: FigureActual, measure: MeasureGrowth},
			{text: "16亿斤", indicator: "粮食产量", value: 16, year: 2022, kind: FigureActual}}},
		// Over a period, 从X增长到Y are the levels before it and at its end.
		{"result", "五年来，一般公共预算收入从3826.5亿元增长到4398.6亿元。", []want{
			{text: "3826.5亿元", indicator: "一般公共预算收入", value: 3826.5, year: 2017, kind: FigureActual},
			{text: "4398.6亿元", indicator: "一般公共预算收入", value: 4398.6, year: 2022, kind: FigureActual}}},
		// 从不到70万亿元 is no level reached; 由X提高到Y is like 从.
		{"result", "五年来，国内生产总值从不到70万亿元增加到超过100万亿元，比重由47.6%提高到73.4%。", []want{
			{text: "70万亿元", indicator: "国内生产总值增加", value: 70, period: "2018-2022", kind: FigureActual},
			{text: "100万亿元", indicator: "国内生产总值增加", value: 100, year: 2022, kind: FigureActual},
			{text: "47.6%", indicator: "比重", value: 47.6, year: 2017, kind: FigureActual, measure: MeasureRate},
			{text: "73.4%", indicator: "比重", value: 73.4, year: 2022, kind: FigureActual, measure: MeasureRate}}},
		// A period that has ended is a result, even in a plan section.
		{"二、关于“十五五”规划纲要的说明", "“十四五”时期，全区生产总值年均增长5.8%。", []want{
			{text: "5.8%", indicator: "生产总值", value: 5.8, period: "2021-2025", kind: FigureActual, measure: MeasureGrowth}}},
		// An attribute after a list separator is of what the figure before
		// names.
		{"target", "实现粮食播种面积3320万亩、产量1285万吨以上。", []want{
			{text: "3320万亩", indicator: "粮食播种面积", value: 3320, year: 2023, kind: FigureTarget},
			{text: "1285万吨以上", indicator: "粮食产量", value: 1285, year: 2023, kind: FigureTarget}}},
		// A year that opens a clause dates that clause, not the next; a
		// year and month is a date; a ratio's base year is not its year.
		{"result", "2020年工业总产值增长9.6%，上半年又增长24.2%。", []want{
			{text: "9.6%", indicator: "工业总产值", value: 9.6, year: 2020, kind: FigureActual, measure: MeasureGrowth},
			{text: "24.2%", indicator: "上半年", value: 24.2, year: 2022, kind: FigureActual, measure: MeasureGrowth}}},
		{"result", "2020年基本建设投资完成500亿元，停建项目29个。", []want{
			{text: "500亿元", indicator: "基本建设投资", value: 500, year: 2020, kind: FigureActual},
			{text: "29个", indicator: "停建项目", value: 29, year: 2020, kind: FigureActual}}},
		{"target", "全区生产总值增长6%，2030年森林覆盖率达到45%，城镇新增就业1.5万人。", []want{
			{text: "6%", indicator: "生产总值", value: 6, year: 2023, kind: FigureTarget, measure: MeasureGrowth},
			{text: "45%", indicator: "森林覆盖率", value: 45, year: 2030, kind: FigureTarget, measure: MeasureRate},
			{text: "1.5万人", indicator: "城镇新增就业", value: 1.5, year: 2023, kind: FigureTarget}}},
		{"result", "全区生产总值是2020年的1.5倍。", []want{
			{text: "1.5倍", indicator: "生产总值", value: 1.5, year: 2022, kind: FigureActual, measure: MeasureRate}}},
		// A year that opens a sentence with what it is of (national_1957:
		// 1957年的工业总产值比1956年将增长…) dates it; the year compared
		// with does not.
		{"result", "2020年的工业总产值比2019年将增长百分之四点五，达到六百零三亿元。", []want{
			{text: "百分之四点五", indicator: "工业总产值", value: 4.5, year: 2020, kind: FigureActual, measure: MeasureGrowth},
			{text: "六百零三亿元", indicator: "工业总产值", value: 603, year: 2020, kind: FigureActual}}},
		// A Chinese-numeral multiple is a figure however small; the year or
		// period compared with is not the indicator's (national_1986).
		{"result", "工农业总产值比一九八○年增长一点三倍，进出口总额比“六五”期间增长一倍。", []want{
			{text: "一点三倍", indicator: "工农业总产值", value: 1.3, year: 2022, kind: FigureActual, measure: MeasureGrowth},
			{text: "一倍", indicator: "进出口总额", value: 1, year: 2022, kind: FigureActual, measure: MeasureGrowth}}},
		// The level a fall or a rise came to is a level (国务院组成部门由40个减少到29个,
		// 比重由上年的3.3%上升到4.1%: national_2003, national_1991_plan).
		{"result", "项目审批时间压减至8小时。", []want{{text: "8小时", indicator: "项目审批时间", value: 8, year: 2022, kind: FigureActual}}},
		{"result", "农林水利投资比重由上年的3.3%上升到4.1%。", []want{
			{text: "3.3%", indicator: "农林水利投资比重", value: 3.3, year: 2021, kind: FigureActual, measure: MeasureRate},
			{text: "4.1%", indicator: "农林水利投资比重", value: 4.1, year: 2022, kind: FigureActual, measure: MeasureRate}}},
		// A five-year milestone beside the year's own figure is the
		// period's; the year's figure keeps the year (issue 12).
		{"result", "全区生产总值2525亿元，增长3%，“十三五”时期突破2000亿元。", []want{
			{text: "2525亿元", indicator: "生产总值", value: 2525, year: 2022, kind: FigureActual},
			{text: "3%", indicator: "生产总值", value: 3, year: 2022, kind: FigureActual, measure: MeasureGrowth},
			{text: "2000亿元", indicator: "生产总值", value: 2000, period: "2016-2020", kind: FigureActual}}},
		{"result", "全区生产总值在“十三五”时期突破2000亿元的基础上，达到2525亿元。", []want{
			{text: "2000亿元", indicator: "生产总值", value: 2000, period: "2016-2020", kind: FigureActual},
			{text: "2525亿元", indicator: "生产总值", value: 2525, year: 2022, kind: FigureActual}}},
		// The share of its plan is of the thing before it, and so is the
		// growth after that share (national_1956).
		{"result", "粮食总产量达到3680亿斤，完成年度计划的102%，比上年增长9%。", []want{
			{text: "3680亿斤", indicator: "粮食总产量", value: 3680, year: 2022, kind: FigureActual},
			{text: "102%", indicator: "粮食总产量完成年度计划", value: 102, year: 2022, kind: FigureActual, measure: MeasureRate},
			{text: "9%", indicator: "粮食总产量", value: 9, year: 2022, kind: FigureActual, measure: MeasureGrowth}}},
		// A yearly average since a base year is the period's (national_2008).
		{"result", "2022年，全区生产总值达到2525亿元，比2017年增长40%，年均增长7%。", []want{
			{text: "2525亿元", indicator: "生产总值", value: 2525, year: 2022, kind: FigureActual},
			{text: "40%", indicator: "生产总值", value: 40, year: 2022, kind: FigureActual, measure: MeasureGrowth},
			{text: "7%", indicator: "生产总值", value: 7, period: "2018-2022", kind: FigureActual, measure: MeasureGrowth}}},
		// A year in Chinese digits before any report dates its figure
		// (national_1955_plan: 一九三六年全国钢产量超过四十万吨).
		{"target", "一九三六年全国钢产量超过四十万吨。", []want{
			{text: "四十万吨", indicator: "全国钢产量", value: 40, year: 1936, kind: FigureActual}}},
		// The plan its own clause names dates a figure, not a target year
		// earlier in the sentence (national_2016).
		{"target", "到2025年，城乡居民收入达到5万元，“十四五”时期经济年均增长保持在6%以上。", []want{
			{text: "5万元", indicator: "城乡居民收入", value: 5, year: 2025, kind: FigureTarget},
			{text: "6%以上", indicator: "经济", value: 6, period: "2021-2025", kind: FigureTarget, measure: MeasureGrowth}}},
		// Marks passed one after another were passed over the years
		// reviewed (020_prov_guangdong_2026): one indicator, not 进口 and 出口.
		{"result", "进出口总额接连突破8万亿元、9万亿元。", []want{
			{text: "8万亿元", indicator: "进出口总额", value: 8, period: "2018-2022", kind: FigureActual},
			{text: "9万亿元", indicator: "进出口总额", value: 9, period: "2018-2022", kind: FigureActual}}},
		{"result", "2022年进出口总额接连突破8万亿元、9万亿元。", []want{
			{text: "8万亿元", indicator: "进出口总额", value: 8, year: 2022, kind: FigureActual},
			{text: "9万亿元", indicator: "进出口总额", value: 9, year: 2022, kind: FigureActual}}},
		// A running total after the year's addition is another indicator.
		{"result", "新增境内外上市公司45家、总量达1224家，新增市场主体3万户，总数达到50万户。", []want{
			{text: "45家", indicator: "新增境内外上市公司", value: 45, year: 2022, kind: FigureActual},
			{text: "1224家", indicator: "境内外上市公司总量", value: 1224, year: 2022, kind: FigureActual},
			{text: "3万户", indicator: "新增市场主体", value: 3, year: 2022, kind: FigureActual},
			{text: "50万户", indicator: "市场主体总数", value: 50, year: 2022, kind: FigureActual}}},
	}
	for _, tc := range tests {
		heading := map[string]string{"result": "一、2022年工作回顾", "target": "二、2023年主要任务"}[tc.part]
		if heading == "" {
			heading = tc.part
		}
		text := "（2023年1月17日在某区第一届人民代表大会第二次会议上）\n" + heading + "\n" + tc.sentence + "\n"
		r, err := Parse("t.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		var got []*Figure
		for f := range r.Figures() {
			got = append(got, f)
		}
		if len(got) != len(tc.want) {
			var texts []string
			for _, f := range got {
				texts = append(texts, f.Text+"/"+f.Indicator)
			}
			t.Errorf("%q: %d figures %q, want %d", tc.sentence, len(got), texts, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			f := got[i]
			measure := w.measure
			if measure == "" {
				measure = MeasureLevel
			}
			low := 0.0
			if f.Low != nil {
				low = *f.Low
			}
			if f.Text != w.text || f.Indicator != w.indicator || f.Value != w.value || f.Year != w.year || f.Period.String() != w.period ||
				f.Kind != w.kind || f.Measure != measure || low != w.low {
				t.Errorf("%q figure %d:\n got  %q %q %v year %d period %q %s %s low %v\n want %q %q %v year %d period %q %s %s low %v",
					tc.sentence, i, f.Text, f.Indicator, f.Value, f.Year, f.Period, f.Kind, f.Measure, low,
					w.text, w.indicator, w.value, w.year, w.period, w.kind, measure, w.low)
			}
		}
	}
}

func TestFigureKindOfAnnouncedTargets(t *testing.T) {
	for _, c := range []struct {
		section          Kind
		clause, sentence string
		want             FigureKind
	}{
		{"", "固定资产投资同比增长", "经济社会发展的主要预期目标是：全县生产总值增长10%；固定资产投资同比增长", FigureTarget},
		{"", "固定资产投资同比增长", "固定资产投资同比增长", FigureActual},
		// A colon after no target word announces nothing.
		{"", "粮食总产", "主要指标完成情况：粮食总产", FigureActual},
		// A colon before the target word: the word is after it, in another clause.
		{"", "实现", "全年：实现目标任务，", FigureActual},
		// A list of how the targets went is one of results.
		{"", "地区生产总值增长", "主要目标任务完成情况：地区生产总值增长", FigureActual},
	} {
		if got := figureKind(c.section, c.clause, c.sentence); got != c.want {
			t.Errorf("figureKind(%q, %q) = %v, want %v", c.clause, c.sentence, got, c.want)
		}
	}
}

func TestSpacedNumbers(t *testing.T) {
	r, err := Parse("t.txt", []byte("一、2016年工作回顾\n地区生产总值完成 36.5 9亿元，增长7%。全县农村居民人均可支配收入完成 6542 元。农村电商服务网点发展到 209 家。计划于2020 年3月完成。\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"36.5 9亿元": 36.59, "6542 元": 6542, "209 家": 209, "7%": 7}
	got := map[string]float64{}
	for f := range r.Figures() {
		got[f.Text] = f.Value
	}
	for text, v := range want {
		if g, ok := got[text]; !ok || g != v {
			t.Errorf("figure %q: got %v (present %v), want %v; all %v", text, g, ok, v, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("figures %v, want only %v", got, want)
	}
}
