package ask

import (
	"testing"

	"reportsearch/corpus"
)

func TestOtherThing(t *testing.T) {
	w := DefaultWeights
	for _, c := range []struct {
		name, want string
		fig        corpus.Figure
		other      bool
	}{
		{"the opposite word", "一般公共预算支出", corpus.Figure{Indicator: "地方一般公共预算收入", Text: "1.4万亿元", Sentence: "全省地方一般公共预算收入达1.4万亿元"}, true},
		{"one of a compound's pair", "进出口总额", corpus.Figure{Indicator: "出口总额", Text: "六百二十一亿美元", Sentence: "出口总额六百二十一亿美元"}, true},
		{"both words of a pair", "出口总额", corpus.Figure{Indicator: "进出口总额", Text: "8万亿元", Sentence: "进出口总额突破8万亿元"}, false},
		{"the whole for a part", "城镇居民人均可支配收入", corpus.Figure{Indicator: "居民人均可支配收入", Text: "4.5万元", Sentence: "居民人均可支配收入达4.5万元"}, true},
		{"the part said in other words", "规上工业增加值", corpus.Figure{Indicator: "规模以上工业增加值", Text: "5%", Sentence: "规模以上工业增加值增长5%"}, false},
		{"the part said once for the sentence", "农村组成人民公社", corpus.Figure{Indicator: "组成人民公社", Text: "二万六千多个", Sentence: "全国一亿二千万户农民进一步组成了二万六千多个人民公社"}, false},
		{"a total for an addition", "新增高新技术企业", corpus.Figure{Indicator: "高新技术企业", Text: "超7.5万家", Sentence: "规模以上工业企业超7.1万家、高新技术企业超7.5万家"}, true},
		{"an addition said once for a list", "新增高新技术企业", corpus.Figure{Indicator: "高新技术企业", Text: "7家", Sentence: "新增科技型中小企业50家、高新技术企业7家"}, false},
		{"modifiers of their own", "全国棉花总产量", corpus.Figure{Indicator: "全国粮食总产量", Text: "五千四百零一亿斤", Sentence: "全国粮食总产量增加到了五千四百零一亿斤"}, true},
		{"a kind of trade for trade of goods", "货物进出口总额", corpus.Figure{Indicator: "跨境电商进出口总额", Text: "突破8000亿元", Sentence: "跨境电商进出口总额突破8000亿元"}, true},
		{"modifiers that share a character", "粮食总产量", corpus.Figure{Indicator: "粮食产量", Text: "1285万吨", Sentence: "粮食产量1285万吨"}, false},
		{"a modifier that narrows nothing", "一般公共预算收入", corpus.Figure{Indicator: "全省地方一般公共预算收入", Text: "1.4万亿元", Sentence: "全省地方一般公共预算收入达1.4万亿元"}, false},
		{"the question's modifier in the sentence", "城乡居民人均可支配收入", corpus.Figure{Indicator: "农村居民人均可支配收入", Text: "12%", Sentence: "城乡居民人均可支配收入分别增长9%和12%"}, false},
		{"a clause, not a kind", "第一个五年期间国家基本建设投资总额", corpus.Figure{Indicator: "国家对经济和文化部门的基本建设投资总额", Text: "四百九十三亿元", Sentence: "国家对经济和文化部门的基本建设投资总额共为四百九十三亿元"}, false},
		{"kinds before a short shared end", "全国棉花产量", corpus.Figure{Indicator: "粮食总产量", Text: "4564亿公斤", Sentence: "粮食总产量4564亿公斤"}, true},
		{"leads that narrow nothing, ending alike", "地区生产总值", corpus.Figure{Indicator: "全区生产总值", Text: "144.9亿元", Sentence: "2020年全区生产总值达到144.9亿元"}, false},
		{"the same thing", "地区生产总值", corpus.Figure{Indicator: "全省地区生产总值", Text: "12.4万亿元", Sentence: "全省地区生产总值达12.4万亿元"}, false},
	} {
		got := w.otherThing(c.want, &c.fig) < 0
		if got != c.other {
			t.Errorf("%s: otherThing(%q, %q) < 0 = %v, want %v", c.name, c.want, c.fig.Indicator, got, c.other)
		}
	}
}

// TestNamesOwnThing: what follows the indicator asked about inside a
// figure's indicator is another thing only when it is one.
func TestNamesOwnThing(t *testing.T) {
	for _, c := range []struct {
		tail string
		want bool
	}{
		{"能耗", true},       // 单位国内生产总值能耗
		{"比重", true},       // 占国内生产总值比重
		{"", false},        // the indicator itself
		{"额", false},       // one character
		{"由“十二五”末", false}, // a start value follows
		{"〔24〕", false},    // a footnote mark
		{"比上年", false},     // a base
		{"和农村居民人均可支配收入", false}, // another thing joined
		{"只有", false},  // 棉花产量只有…
		{"也只有", false}, // 全国钢产量也只有…
		{"达标率", true},  // not 达到
		{"及时率", true},  // not 和
	} {
		if got := namesOwnThing(c.tail); got != c.want {
			t.Errorf("namesOwnThing(%q) = %v, want %v", c.tail, got, c.want)
		}
	}
}
