package corpus

import "testing"

// clauseWant is one figure of a sentence as the clause rules leave it.
type clauseWant struct {
	text, indicator string
	measure         Measure
}

// checkClauseRules parses each sentence in a 2022 review and compares its
// figures, in order, with the wanted ones.
func checkClauseRules(t *testing.T, tests []struct {
	sentence string
	want     []clauseWant
}) {
	t.Helper()
	for _, tc := range tests {
		r, err := Parse("t.txt", []byte("（2023年1月17日在某区第一届人民代表大会第二次会议上）\n一、2022年工作回顾\n"+tc.sentence+"\n"))
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
				texts = append(texts, f.Text+"/"+f.Indicator+"/"+string(f.Measure))
			}
			t.Errorf("%q: %d figures %q, want %d", tc.sentence, len(got), texts, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			if f := got[i]; f.Text != w.text || f.Indicator != w.indicator || f.Measure != w.measure {
				t.Errorf("%q figure %d: got %q %q %s, want %q %q %s", tc.sentence, i, f.Text, f.Indicator, f.Measure, w.text, w.indicator, w.measure)
			}
		}
	}
}

// TestMilestoneBesideItsLevel: a mark passed, stated beside the level
// reached, is a milestone, before the level or after it; alone, or beside
// another thing, it stays the level it bounds.
func TestMilestoneBesideItsLevel(t *testing.T) {
	L, M, G := MeasureLevel, MeasureMilestone, MeasureGrowth
	checkClauseRules(t, []struct {
		sentence string
		want     []clauseWant
	}{
		// the example: the threshold, then the level
		{"全市生产总值突破5000亿元、达5123亿元。", []clauseWant{{"5000亿元", "生产总值", M}, {"5123亿元", "生产总值", L}}},
		// city_zhumadian_2022: the level, then the mark with 大关
		{"全市生产总值完成3082.8亿元，首次突破3000亿元大关，增长7.2%。", []clauseWant{
			{"3082.8亿元", "生产总值", L}, {"3000亿元", "生产总值", M}, {"7.2%", "生产总值", G}}},
		// county_yixian_2019: a mark of a bare scale with 大关, then the level
		{"全部财政收入突破10亿大关，完成11.68亿元，增长30.2%。", []clauseWant{
			{"10亿", "全部财政收入", M}, {"11.68亿元", "全部财政收入", L}, {"30.2%", "全部财政收入", G}}},
		// county_xushui_2011: a Chinese numeral mark
		{"金融机构各项存款余额达108.3亿元，首次突破百亿元大关。", []clauseWant{
			{"108.3亿元", "金融机构各项存款余额", L}, {"百亿元", "金融机构各项存款余额", M}}},
		// national_2000, prov_hebei_2007: a mark with no number is no part of the indicator
		{"国家财政收入比上年增加1501亿元，总额首次突破万亿元，达到11377亿元。", []clauseWant{
			{"1501亿元", "国家财政收入", G}, {"11377亿元", "国家财政收入", L}}},
		{"城镇居民人均可支配收入突破万元，达到10300元，增长13%。", []clauseWant{
			{"10300元", "城镇居民人均可支配收入", L}, {"13%", "城镇居民人均可支配收入", G}}},
		// prov_xinjiang_2025: alone, the mark is the level's bound
		{"全疆地区生产总值同比增长6.1%、突破2万亿元大关。", []clauseWant{
			{"6.1%", "全疆地区生产总值", G}, {"2万亿元", "全疆地区生产总值", L}}},
		// city_baoding_2025: a total after an addition is another thing
		{"新增市场经营主体18.1万户，总量突破106万户。", []clauseWant{
			{"18.1万户", "新增市场经营主体", L}, {"106万户", "市场经营主体总量", L}}},
		// prov_tibet_2026, prov_shaanxi_2026: lists of marks
		{"全区地方财政收入、支出分别突破300亿元和3000亿元。", []clauseWant{{"300亿元", "地方财政收入", L}, {"3000亿元", "支出", L}}},
		{"农村自来水、卫生户厕普及率超过98%、85%。", []clauseWant{
			{"98%", "农村自来水、卫生户厕普及率", MeasureRate}, {"85%", "农村自来水、卫生户厕普及率", MeasureRate}}},
	})
}

// TestLevelAfterAnIncrease: an increase before the level is a growth of
// the thing whose level follows, and the level is of that thing.
func TestLevelAfterAnIncrease(t *testing.T) {
	L, G := MeasureLevel, MeasureGrowth
	checkClauseRules(t, []struct {
		sentence string
		want     []clauseWant
	}{
		// the example: 增产 is a rise of 产量
		{"粮食增产20亿斤，达到650亿斤。", []clauseWant{{"20亿斤", "粮食产量", G}, {"650亿斤", "粮食产量", L}}},
		// prov_xinjiang_2025: the level names only the attribute
		{"粮食增产42.2亿斤，总产466亿斤。", []clauseWant{{"42.2亿斤", "粮食产量", G}, {"466亿斤", "粮食总产", L}}},
		// national_1979: the level, then the increase against the year before,
		// restated in percent (即)
		{"总产量达到三亿零四百七十五万吨，比上一年增产二千二百万吨，即百分之七点八。", []clauseWant{
			{"三亿零四百七十五万吨", "总产量", L}, {"二千二百万吨", "总产量", G}, {"百分之七点八", "总产量", G}}},
		// national_1954: words that are a clause get no attribute
		{"就可以每年为国家增产一万六千亿元。", []clauseWant{{"一万六千亿元", "就可以每年为国家", G}}},
		// district_mancheng_2023, city_baoding_2021: the total after an
		// addition is of the thing, not of the addition
		{"全年净增市场主体3000家、达到3.3万家。", []clauseWant{{"3000家", "净增市场主体", L}, {"3.3万家", "市场主体", L}}},
		{"注册市场主体五年新增43.04万家、达到79.1万家。", []clauseWant{{"43.04万家", "注册市场主体五年新增", L}, {"79.1万家", "注册市场主体五年", L}}},
	})
}

// TestCountOfIndicators: a count followed by 指标 counts indicators; it is
// the level of none of the indicators the sentence names.
func TestCountOfIndicators(t *testing.T) {
	I, G := MeasureIndicators, MeasureGrowth
	checkClauseRules(t, []struct {
		sentence string
		want     []clauseWant
	}{
		{"全年主要预期目标中，有3项指标未完成。", []clauseWant{{"3项", "有指标未", I}}},
		// county_dingxing_2022 (a list of indicators named before the count)
		{"地区生产总值增长5%，一般公共预算收入总量、上级资金到位量5项主要指标居全市第一。", []clauseWant{
			{"5%", "地区生产总值", G}, {"5项", "一般公共预算收入总量、上级资金到位量主要指标居全市第一", I}}},
		// county_laiyuan_2021, county_yixian_2018
		{"对照全面建成小康社会32项统计监测指标如期实现了目标。", []clauseWant{{"32项", "对照全面建成小康社会统计监测指标如期实现了目标", I}}},
		{"扎实开展建档立卡“回头看”，22项退出指标全部完成。", []clauseWant{{"22项", "退出指标全部", I}}},
		// national_1959: 一亿担的四项指标 is a weight in 担 (the unit of
		// old reports' cotton), not a count of indicators; the words after
		// 的 still stick to the indicator.
		{"棉花产量一亿担的四项指标。", []clauseWant{{"一亿担", "棉花产量四项指标", MeasureLevel}}},
		// national_1984: a count of kinds after a list that ends with 等
		{"粮食、棉花、原煤等三十多种主要产品产量提前达到指标。", []clauseWant{{"三十多种", "粮食、棉花、原煤等主要产品产量提前达到指标", I}}},
		// counts of other things stay levels
		{"新建重建道路36条。", []clauseWant{{"36条", "新建重建道路", MeasureLevel}}},
	})
}
