package ask

import (
	"strings"
	"testing"
	"unicode/utf8"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/indexer"
)

func TestIsQuestion(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"2022年城镇新增就业多少人", true},
		{"2023年计划新增多少托位？", true},
		{"哪里提到德寿宫", true},
		{"2023年教育方面有哪些目标?", true},
		{"新增国家高新技术企业几家", true},
		{"地区生产总值是多少", true},
		{"楼宇经济", false},
		{"加装电梯 year:2023", false},
		{"\"未来社区\" -养老", false},
		{"托育 OR 托位", false},
		{"多少 year:2022", false},
		{"新增托位几个", true},
		{"完成了吗？", true},
		{"几乎", false},
		{"几代人", false},
		{"几字弯", false},
		{"如何推进城市更新", false},
		{"吗啡", false},
		{"", false},
		{"   ", false},
	} {
		if got := IsQuestion(tc.in); got != tc.want {
			t.Errorf("IsQuestion(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// FuzzQuestion reads arbitrary text as a question: the place and the frame
// must come out without a panic, in valid UTF-8 when the text is.
//
//	go test ./ask -run '^$' -fuzz FuzzQuestion -fuzztime 60s
func FuzzQuestion(f *testing.F) {
	for _, s := range []string{"广东2026年地区生产总值增长目标是多少？", "2023年上城区新增托位几个", "请问二〇二二年全国城镇新增就业", "河北2025 固投增速",
		"社区的养老服务中心有多少个", "杭州市地区生产总值", "增加了多少学位", "全国", "年", "多少", "从", "2026年全国", "了多少"} {
		f.Add(s)
	}
	c, _ := catalog.New([]indexer.ReportEntry{
		entry("gd", "广东省"), entry("sc", "杭州市", "上城区"), entry("cn", corpus.National), entry("x"),
	}, nil)
	tax := corpus.DefaultTaxonomy()
	f.Fuzz(func(t *testing.T, q string) {
		text := corpus.Normalize(q)
		place := placeIn(c, text)
		fr := AnalyseQuestion(place.Rest, 2023, tax)
		if utf8.ValidString(q) && (!utf8.ValidString(place.Rest) || !utf8.ValidString(fr.Indicator)) {
			t.Fatalf("%q: rest %q, indicator %q", q, place.Rest, fr.Indicator)
		}
		if place.Name != "" && !strings.Contains(text, place.Name) {
			t.Fatalf("%q: place %q is not in the question", q, place.Name)
		}
	})
}

// TestAnalyseQuestion is the table of question analysis.
func TestAnalyseQuestion(t *testing.T) {
	tax := corpus.DefaultTaxonomy()
	tests := []struct{ q, want string }{
		{"2022年地区生产总值是多少?", `figure "地区生产总值" years=[2022] kind= unit= class= measure= domain=`},
		{"2022年新培育境内外上市企业几家?", `figure "新培育境内外上市企业" years=[2022] kind= unit=家 class=organisations measure= domain=`},
		{"2022年新引育市级以上领军人才多少名?", `figure "新引育市级以上领军人才" years=[2022] kind= unit=名 class=people measure= domain=`},
		{"35个省市重点项目完成投资多少?", `figure "35个省市重点项目完成投资" years=[] kind=result unit= class= measure= domain=`},
		{"医疗保险参保率是多少?", `figure "医疗保险参保率" years=[] kind= unit= class= measure= domain=`},
		{"2022年治安警情下降了多少?", `figure "治安警情" years=[2022] kind=result unit= class=percent measure=decline domain=`},
		{"2022年新增绿地多少平方米?", `figure "新增绿地" years=[2022] kind= unit=平方米 class=area measure= domain=`},
		{"2023年区本级完成地块收储多少亩?", `figure "区本级完成地块收储" years=[2023] kind=result unit=亩 class=area measure= domain=`},
		{"2023年筹建公租房多少平方米?", `figure "筹建公租房" years=[2023] kind= unit=平方米 class=area measure= domain=`},
		{"2023年计划新增多少托位?", `figure "新增托位" years=[2023] kind=target unit= class= measure= domain= counted=托位`},
		{"去年城镇新增就业多少人?", `figure "城镇新增就业" years=[2022] kind= unit=人 class=people measure= domain=`},
		{"今年地区生产总值预期增长多少?", `figure "地区生产总值" years=[2023] kind=target unit= class=percent measure=growth domain=`},
		{"明年的目标是什么?", `list "" years=[2024] kind=target unit= class= measure= domain=`},
		{"2022年GDP增速是多少?", `figure "GDP" years=[2022] kind= unit= class=percent measure=growth domain=`},
		{"2022年发放各类社会救助金多少万元?", `figure "发放各类社会救助金" years=[2022] kind= unit=万元 class=money measure= domain=`},
		{"实际利用外资多少亿美元?", `figure "实际利用外资" years=[] kind=result unit=亿美元 class=money measure= domain=`},
		{"2022年加装电梯多少台?", `figure "加装电梯" years=[2022] kind= unit=台 class=count measure= domain=`},
		{"新建道路多少条?", `figure "新建道路" years=[] kind= unit=条 class=count measure= domain=`},
		{"接种新冠疫苗多少剂次?", `figure "接种新冠疫苗" years=[] kind= unit=剂次 class=count measure= domain=`},
		{"服务重点人群多少万人次?", `figure "服务重点人群" years=[] kind= unit=万人次 class=people measure= domain=`},
		{"数字经济核心产业增加值增长多少?", `figure "数字经济核心产业增加值" years=[] kind= unit= class=percent measure=growth domain=`},
		{"税收亿元楼宇有几幢?", `figure "税收亿元楼宇" years=[] kind= unit=幢 class=count measure= domain=`},
		{"2023年预计高校毕业生多少人?", `figure "高校毕业生" years=[2023] kind=estimate unit=人 class=people measure= domain=`},
		{"服务业增加值占比是多少?", `figure "服务业增加值" years=[] kind= unit= class=percent measure=rate domain=`},
		{"2022年城镇新增就业完成多少，2023年计划多少?", `comparison "城镇新增就业" years=[2022 2023] kind=result unit= class= measure= domain=`},
		{"2022年和2023年加装电梯相比如何?", `comparison "加装电梯相比" years=[2022 2023] kind= unit= class= measure= domain=`},
		{"2023年教育方面有哪些目标?", `list "教育" years=[2023] kind=target unit= class= measure= domain=教育`},
		{"养老有哪些举措?", `list "养老" years=[] kind= unit= class= measure= domain=养老与社会保障`},
		// A percentage asked for in words.
		{"2024年一般公共预算收入增长了百分之几?", `figure "一般公共预算收入" years=[2024] kind=result unit= class=percent measure=growth domain=`},
		{"2024年一般公共预算收入增长了多少%?", `figure "一般公共预算收入" years=[2024] kind=result unit= class=percent measure=growth domain=`},
		{"2014年大气污染防治怎么做", `list "大气污染防治" years=[2014] kind= unit= class= measure= domain=生态环境`},
		{"2023年如何提振居民消费", `list "提振居民消费" years=[2023] kind= unit= class= measure= domain=消费与外贸`},
		{"2018年精品景区建设计划", `list "精品景区建设" years=[2018] kind=target unit= class= measure= domain=文化旅游体育`},
		{"2021年红色旅游有什么安排", `list "红色旅游" years=[2021] kind=target unit= class= measure= domain=文化旅游体育`},
		{"2004年卫生事业重点抓哪几件事", `list "卫生事业重点" years=[2004] kind= unit= class= measure= domain=卫生健康`},
		// A bracketed note at the end says how to count, not what or when.
		{"1957年工农业总产值达到多少（按1952年价格）", `figure "工农业总产值" years=[1957] kind= unit= class= measure= domain=`},
		{"去年粮食产量是多少（2021年）", `figure "粮食产量" years=[2021] kind= unit= class= measure= domain=`},
		{"粮食产量是多少（2022年）", `figure "粮食产量" years=[2022] kind= unit= class= measure= domain=`},
		{"2022年粮食产量是多少(万吨)?", `figure "粮食产量" years=[2022] kind= unit= class= measure= domain=`},
		{"2024年在乡村振兴方面有哪些主要举措?", `list "在乡村振兴" years=[2024] kind= unit= class= measure= domain=农业农村与区域协作`},
		{"2023年生态环境有哪些任务?", `list "生态环境" years=[2023] kind=target unit= class= measure= domain=生态环境`},
		{"哪里提到德寿宫?", `where "德寿宫" years=[] kind= unit= class= measure= domain=`},
		{"政治设计院这个说法在哪份报告里出现", `where "政治设计院" years=[] kind= unit= class= measure= domain=`},
		{"哪个县说自己是全国最大的肉羊集散地", `where "全国最大的肉羊集散地" years=[] kind= unit= class= measure= domain=`},
		{"2014年要办哪些惠民实事", `list "惠民实事" years=[2014] kind= unit= class= measure= domain=`},
		{"2021年旅游方面有什么打算？", `list "旅游" years=[2021] kind= unit= class= measure= domain=文化旅游体育`},
		{"2013年林果业打算怎么发展", `list "林果业" years=[2013] kind= unit= class= measure= domain=生态环境`},
		{"2004年十项民心工程包括哪些", `list "十项民心工程" years=[2004] kind= unit= class= measure= domain=养老与社会保障`},
		{"2022年关于乡村振兴提出了什么", `list "关于乡村振兴" years=[2022] kind= unit= class= measure= domain=农业农村与区域协作`},
		{"比上年增加多少?", `figure "" years=[] kind= unit= class= measure=growth domain=`},
		{"比上年增长多少?", `figure "" years=[] kind= unit= class=percent measure=growth domain=`},
		{"2023年房价上涨了多少?", `figure "房价" years=[2023] kind= unit= class= measure=growth domain=`},
		{"2023年GDP增长目标定了多少?", `figure "GDP" years=[2023] kind=target unit= class=percent measure=growth domain=`},
		{"2003年制定了多少部行政法规?", `figure "制定行政法规" years=[2003] kind= unit=部 class=count measure= domain=`},
		{"2020年稳就业都有哪些举措", `list "稳就业" years=[2020] kind= unit= class= measure= domain=就业`},
		{"在哪里提到金融港湾?", `where "金融港湾" years=[] kind= unit= class= measure= domain=`},
		{"哪些段落提到宋韵?", `where "宋韵" years=[] kind= unit= class= measure= domain=`},
		{"马兰森林音乐会出现在哪个报告", `where "马兰森林音乐会" years=[] kind= unit= class= measure= domain=`},
		{"世界最大的跳台滑雪群是哪里要建的", `where "世界最大的跳台滑雪群" years=[] kind= unit= class= measure= domain=`},
		{"提到“中国香都”的报告", `where "“中国香都”" years=[] kind= unit= class= measure= domain=`},
		{"大秦线万吨级组合列车是哪年的报告提到的", `where "大秦线万吨级组合列车" years=[] kind= unit= class= measure= domain=`},
		{"哪一年的政府工作报告提到了印支联邦", `where "印支联邦" years=[] kind= unit= class= measure= domain=`},
		{"查找马兰森林音乐会", `where "马兰森林音乐会" years=[] kind= unit= class= measure= domain=`},
		{"哪些报告写了中国香都", `where "中国香都" years=[] kind= unit= class= measure= domain=`},
		{"二〇二二年地区生产总值是多少?", `figure "地区生产总值" years=[2022] kind= unit= class= measure= domain=`},
		{"２０２２年ＧＤＰ是多少？", `figure "GDP" years=[2022] kind= unit= class= measure= domain=`},
		{"前年的财政总收入是多少?", `figure "财政总收入" years=[2021] kind= unit= class= measure= domain=`},
		{"2022年完成财政总收入多少亿元?", `figure "完成财政总收入" years=[2022] kind=result unit=亿元 class=money measure= domain=`},
		{"2023年招引制造业项目多少个?", `figure "招引制造业项目" years=[2023] kind= unit=个 class=count measure= domain=`},
		{"火灾起数下降了多少?", `figure "火灾起数" years=[] kind=result unit= class=percent measure=decline domain=`},
		{"2023年学前教育优质覆盖率要达到多少?", `figure "学前教育优质覆盖率" years=[2023] kind=target unit= class= measure= domain=`},
		{"2022年创建“无废细胞”多少个?", `figure "创建“无废细胞”" years=[2022] kind= unit=个 class=count measure= domain=`},
		{"城镇新增就业?", `figure "城镇新增就业" years=[] kind= unit= class= measure= domain=`},
		// What a number came to is its level, not its change; a named rate
		// keeps its name.
		{"1979年人口自然增长率下降到了多少？", `figure "人口自然增长率" years=[1979] kind= unit= class=percent measure=growth domain=`},
		{"2022年研发投入强度提高到多少?", `figure "研发投入强度" years=[2022] kind= unit= class= measure= domain=`},
		// 增长为多少 asks for the growth, not a level reached.
		{"2025年地区生产总值增长为多少", `figure "地区生产总值" years=[2025] kind= unit= class=percent measure=growth domain=`},
		// An indicator that ends in 增长 asks for the growth.
		{"2026年生产总值增长目标是多少?", `figure "生产总值" years=[2026] kind=target unit= class=percent measure=growth domain=`},
		// A share of a whole is written 占全国 in the reports.
		{"2024年棉花产量全国占比多少", `figure "棉花产量占全国" years=[2024] kind= unit= class=percent measure=rate domain=`},
		{"2024年棉花产量占全国的比重是多少", `figure "棉花产量占全国" years=[2024] kind= unit= class=percent measure=rate domain=`},
		// Plans: 要完成, 安排, 拟按…安排.
		{"2019年要完成多少政府隐性债务化解？", `figure "政府隐性债务化解" years=[2019] kind=target unit= class= measure= domain=`},
		{"1981年计划棉花产量安排多少", `figure "棉花产量" years=[1981] kind=target unit= class= measure= domain=`},
		{"2021年赤字率拟按多少安排？", `figure "赤字率" years=[2021] kind=target unit= class= measure= domain=`},
		// The thing counted, when it is not a unit.
		{"2021年新改扩建中小学校和幼儿园增加了多少学位？", `figure "新改扩建中小学校和幼儿园增加学位" years=[2021] kind= unit= class= measure= domain= counted=学位`},
		// Any unit the figures know, not only the common ones.
		{"去年中欧班列开行了多少列？", `figure "中欧班列开行" years=[2022] kind= unit=列 class=count measure= domain=`},
	}
	for _, tc := range tests {
		if got := AnalyseQuestion(tc.q, 2023, tax).String(); got != tc.want {
			t.Errorf("%s\n got  %s\n want %s", tc.q, got, tc.want)
		}
	}
}

// TestWithTargetAsked: a question whether a target was met asks for the
// result and the target; any other is left as it is.
func TestWithTargetAsked(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{"2024年GDP增长多少，完成年度目标没有", "2024年GDP增长多少，目标是多少"},
		{"2022年城镇新增就业多少，完成国家下达任务了吗", "2022年城镇新增就业多少，目标是多少"},
		{"2024年GDP增长目标完成了吗", "2024年GDP增长多少，目标是多少"},
		{"2024年地区生产总值增速是否完成目标", "2024年地区生产总值增速多少，目标是多少"},
		{"2024年GDP增长目标是多少", "2024年GDP增长目标是多少"},
		{"2023年完成目标任务多少", "2023年完成目标任务多少"},
		{"完成目标了吗", "完成目标了吗"},
		{"2023年如何完成全年目标任务", "2023年如何完成全年目标任务"},
		{"哪里提到完成目标任务", "哪里提到完成目标任务"},
		{"2024年是否完成目标", "2024年是否完成目标"},
	} {
		if got := withTargetAsked(c.q); got != c.want {
			t.Errorf("withTargetAsked(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}
