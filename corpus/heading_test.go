package corpus

import "testing"

func TestHeadingOf(t *testing.T) {
	tests := []struct {
		line               string
		ok                 bool
		style              markerStyle
		number             int
		label, title, body string
	}{
		{"一、2022年国民经济和社会发展计划执行情况", true, stylePart, 1, "一、", "2022年国民经济和社会发展计划执行情况", ""},
		{"十二、其他", true, stylePart, 12, "十二、", "其他", ""},
		{"（一）全力以赴稳增长，经济发展稳进提质", true, styleChapter, 1, "（一）", "全力以赴稳增长，经济发展稳进提质", ""},
		{"（十四）全面加强政府自身建设。", true, styleChapter, 14, "（十四）", "全面加强政府自身建设", ""},
		// run-in: heading sentence, then body on the same line
		{"1.都市经济质效齐升。“3+2”产业发展能级不断提升。", true, styleItem, 1, "1.", "都市经济质效齐升", "“3+2”产业发展能级不断提升。"},
		{"（一）抓项目，着力实施投资拉动。坚持把项目建设作为稳增长的关键。", true, styleChapter, 1, "（一）", "抓项目，着力实施投资拉动", "坚持把项目建设作为稳增长的关键。"},
		{"2、加快发展", true, styleItem, 2, "2、", "加快发展", ""},
		{"(3)推进改革。", true, styleSubItem, 3, "(3)", "推进改革", ""},
		{"（3）推进改革。", true, styleSubItem, 3, "（3）", "推进改革", ""},
		{"12.“单一窗口”：", true, styleItem, 12, "12.", "“单一窗口”", ""},
		// glued: no punctuation between heading and body
		{"一、2014年工作回顾过去的一年，面对极其复杂严峻的形势，我们在省委的正确领导下，深入贯彻落实党的十八大精神，紧紧围绕四项重点工作，较好完成了各项任务。", true, stylePart, 1, "一、", "2014年工作回顾", "过去的一年，面对极其复杂严峻的形势，我们在省委的正确领导下，深入贯彻落实党的十八大精神，紧紧围绕四项重点工作，较好完成了各项任务。"},
		{"二、2015年政府工作的主要任务今年是全面完成“十二五”规划的收官之年。", true, stylePart, 2, "二、", "2015年政府工作的主要任务", "今年是全面完成“十二五”规划的收官之年。"},
		{"三、切实加强政府自身建设适应新形势、新任务，切实加强政府自身建设。", true, stylePart, 3, "三、", "切实加强政府自身建设", "适应新形势、新任务，切实加强政府自身建设。"},
		// a heading that merely contains a keyword is not split
		{"三、加快建设现代化产业体系", true, stylePart, 3, "三、", "加快建设现代化产业体系", ""},
		{"一、2025年和“十四五”时期工作回顾", true, stylePart, 1, "一、", "2025年和“十四五”时期工作回顾", ""},
		// chapter headings glued to the lead-in of their body
		{"（一）着力保持经济平稳健康运行突出抓好项目建设。全力扩大有效投资。", true, styleChapter, 1, "（一）", "着力保持经济平稳健康运行", "突出抓好项目建设。全力扩大有效投资。"},
		{"（三）继续加强“三农”工作坚持以粮食核心区建设为契机，全面落实强农惠农政策，加快发展现代农业，扎实推进新农村建设，促进农业发展和农民增收，确保粮食安全。稳定粮食面积。", true, styleChapter, 3, "（三）", "继续加强“三农”工作", "坚持以粮食核心区建设为契机，全面落实强农惠农政策，加快发展现代农业，扎实推进新农村建设，促进农业发展和农民增收，确保粮食安全。稳定粮食面积。"},
		// …but not well-formed ones whose words happen to include a starter
		{"（七）坚持不懈抓好“三农”工作，扎实推进乡村全面振兴。锚定建设农业强国目标。", true, styleChapter, 7, "（七）", "坚持不懈抓好“三农”工作，扎实推进乡村全面振兴", "锚定建设农业强国目标。"},
		{"（八）着力推进经济社会发展全面绿色低碳转型，加快建设美丽上海。牢固树立理念。", true, styleChapter, 8, "（八）", "着力推进经济社会发展全面绿色低碳转型，加快建设美丽上海", "牢固树立理念。"},
		{"（五）实施“科教兴市”和可持续发展战略，全面发展各项社会事业。加快创新步伐。", true, styleChapter, 5, "（五）", "实施“科教兴市”和可持续发展战略，全面发展各项社会事业", "加快创新步伐。"},
		{"二、2023年主要任务和措施。", true, stylePart, 2, "二、", "2023年主要任务和措施", ""},
		{"一、二、三产业分别增长3%、5%、6%。", false, 0, 0, "", "", ""},
		{"附件要求执行，确保完成", false, 0, 0, "", "", ""},
		// standalone enumerations are headings, run-in ones are paragraphs
		{"一是联合港澳承办十五运会和残特奥会。", true, styleEnumeration, 1, "一是", "联合港澳承办十五运会和残特奥会", ""},
		{"一是加大宏观调控力度。针对严峻挑战，我们统筹稳增长。", false, 0, 0, "", "", ""},
		{"第一，重大的比例关系正在朝着协调的方向发展，国民经济持续增长", true, styleOrdinal, 1, "第一，", "重大的比例关系正在朝着协调的方向发展，国民经济持续增长", ""},
		{"第一，要稳定物价。第二，要扩大就业。", false, 0, 0, "", "", ""},
		{"附件1", true, styleAppendix, 1, "附件1", "", ""},
		{"附件2：名词解释", true, styleAppendix, 2, "附件2", "名词解释", ""},
		// not headings
		{"2.5", false, 0, 0, "", "", ""},
		{"2022年是新一届政府开局之年。", false, 0, 0, "", "", ""},
		{"2022、2023年连续增长。", false, 0, 0, "", "", ""},
		{"一、", false, 0, 0, "", "", ""},
		{"（一）", false, 0, 0, "", "", ""},
		{"一、......", false, 0, 0, "", "", ""},
		{"附件中列明的事项，由各部门按照分工抓好落实，确保各项任务按期完成，取得实效。", false, 0, 0, "", "", ""},
		{"十四五时期", false, 0, 0, "", "", ""},
	}
	for _, tc := range tests {
		h, ok := headingOf(tc.line)
		if ok != tc.ok {
			t.Errorf("headingOf(%q) ok = %v, want %v", tc.line, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		if h.style != tc.style || h.number != tc.number || h.label != tc.label || h.title != tc.title || h.body != tc.body {
			t.Errorf("headingOf(%q) =\n  style %d number %d label %q title %q body %q\nwant\n  style %d number %d label %q title %q body %q",
				tc.line, h.style, h.number, h.label, h.title, h.body, tc.style, tc.number, tc.label, tc.title, tc.body)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"甲。乙！丙？丁；戊", []string{"甲。", "乙！", "丙？", "丁；", "戊"}},
		{"他说：“完成了。”然后离开。", []string{"他说：“完成了。”", "然后离开。"}},
		{"真的吗？！是的。", []string{"真的吗？！", "是的。"}},
		{"增长3.3%。其中服务业增长4%", []string{"增长3.3%。", "其中服务业增长4%"}},
		{"（注：含新蔡县。）", []string{"（注：含新蔡县。）"}},
		{"", nil},
		{"。。", []string{"。。"}},
	}
	for _, tc := range tests {
		ss := Sentences(tc.text)
		var got []string
		for _, s := range ss {
			if s.Start < 0 || s.End > len(tc.text) || s.Start >= s.End {
				t.Fatalf("Sentences(%q): span %v out of range", tc.text, s)
			}
			got = append(got, tc.text[s.Start:s.End])
		}
		if len(got) != len(tc.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Sentences(%q) = %q, want %q", tc.text, got, tc.want)
				break
			}
		}
	}
}

func TestOpensItem(t *testing.T) {
	for _, c := range []struct {
		sentence string
		want     bool
	}{
		{"一是在大气污染防治上用真功。", true},
		{"①完成土地整治项目。", true},
		{"第二，加强基础设施建设。", true},
		{"（三）推进城市更新。", true},
		{"2.5亿元用于改造。", false},
		{"一、二、三产业协调发展。", false},
		{"坚持科学规划。", false},
	} {
		if got := OpensItem(c.sentence); got != c.want {
			t.Errorf("OpensItem(%q) = %v, want %v", c.sentence, got, c.want)
		}
	}
}

func TestReadHeadingOfAReviewAndPlan(t *testing.T) {
	for _, c := range []struct {
		title string
		year  int
		kind  Kind
	}{
		{"一、1993年国内工作的回顾和1994年工作的基本方针", 1993, KindResult},
		{"一、2023年工作回顾", 2023, KindResult},
	} {
		sig := readHeading(c.title)
		if sig.year != c.year || sig.kind != c.kind {
			t.Errorf("readHeading(%q) = %d %s, want %d %s", c.title, sig.year, sig.kind, c.year, c.kind)
		}
	}
}
