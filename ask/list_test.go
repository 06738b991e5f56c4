package ask

import (
	"slices"
	"strings"
	"testing"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/search"
)

// sentencesOf splits a paragraph as a list answer reads it.
func sentencesOf(text string) []string {
	var out []string
	for _, s := range corpus.Sentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func listAsker(t *testing.T) *Asker {
	t.Helper()
	seg, err := indexer.SharedSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	return &Asker{seg: seg}
}

func TestBlocks(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       [][2]int
	}{
		{"no leads", "城镇化是现代化的必由之路。要加快农业转移人口市民化，深化户籍制度改革。", [][2]int{{0, 2}}},
		{"short bold leads", "确定2008年为城市建设起步年。坚持科学规划。明确居住区、行政办公区。加快县城开发。大力实施“11244”工程。", [][2]int{{0, 1}, {1, 3}, {3, 5}}},
		{"enumerated items", "加强资源节约和环境保护，努力构建生态环境体系。一是在大气污染防治上用真功。全面实施七项污染治理行动。二是在节能减排上严把关。强化环保准入，严格控制“两高一资”项目。", [][2]int{{0, 1}, {1, 3}, {3, 5}}},
		{"items announced by a colon", "民生是执政之本。今年我们将继续办好10件民生实事：①完成土地整治项目。②启动光荣院改扩建。", [][2]int{{0, 3}}},
		{"an ordinary short sentence is no lead", "千方百计稳定和扩大就业。做好退役军人安置和就业保障。帮扶残疾人、零就业家庭等困难群体就业。", [][2]int{{0, 3}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := blocks(sentencesOf(c.text))
			if !slices.Equal(got, c.want) {
				t.Errorf("blocks(%q) = %v, want %v", c.text, got, c.want)
			}
		})
	}
}

func TestTopicWords(t *testing.T) {
	a := listAsker(t)
	for _, c := range []struct {
		topic      string
		names, not string
		apartQuery string
	}{
		// 稳就业 is one word of the dictionary: a sentence on 就业 names it.
		{"稳就业", "加强对重点群体就业支持。", "稳定物价。", "就业"},
		{"红色旅游", "全面唱响红色旅游。", "发展乡村旅游。", ""},
	} {
		ws := a.topicWords(c.topic)
		if !ws.namedIn(c.names) {
			t.Errorf("%s: %q should name it (words %+v)", c.topic, c.names, ws)
		}
		if ws.allIn(c.not) {
			t.Errorf("%s: %q should not name all of it", c.topic, c.not)
		}
		if got := ws.apart(); got != c.apartQuery {
			t.Errorf("%s: apart() = %q, want %q", c.topic, got, c.apartQuery)
		}
	}
}

func TestListItems(t *testing.T) {
	a := listAsker(t)
	for _, c := range []struct {
		name, topic, heading, text string
		best                       bool
		want, notWant              []string
	}{
		{
			name: "a sentence between two on the topic is kept", topic: "教育",
			text: "持续深化医药卫生体制改革，健全县域医联体。坚持教育优先发展，配改建幼儿园6所。完成职教中心迁建项目（一期）建设。深入实施“三名行动”，全面提升教育教学水平。推进优质文化资源下沉，加快公共文化设施建设。",
			want: []string{"完成职教中心迁建项目"}, notWant: []string{"医药卫生", "文化资源"},
		},
		{
			name: "an enumerated item led by the topic is read to the next item", topic: "大气污染防治",
			text: "加强资源节约和环境保护，努力构建生态环境体系。一是在大气污染防治上用真功。全面实施七项污染治理行动，拆除“黑烟囱”。二是在节能减排上严把关。强化环保准入，严格控制“两高一资”项目。",
			want: []string{"一是在大气污染防治上用真功", "拆除“黑烟囱”"}, notWant: []string{"节能减排", "生态环境体系"},
		},
		{
			name: "a paragraph led by the topic is read whole", topic: "旅游业",
			text: "大力发展旅游业。立足资源和区位优势，打造三大品牌。完善规划。聘请规划院，高标准完成总体规划。创新体制。组建开发投资公司。",
			want: []string{"组建开发投资公司", "完善规划"},
		},
		{
			name: "a block led by a bold lead and the topic", topic: "“11244”工程",
			text: "确定2008年为城市建设起步年。坚持科学规划。明确居住区、行政办公区。加快县城开发。大力实施“11244”工程，重点抓好一网、一园建设。“一园”，即抓好城北植物园建设。强化城市管理。围绕城市“四化”抓管理。",
			want: []string{"城北植物园"}, notWant: []string{"居住区", "四化"},
		},
		{
			name: "a sentence that announces a list keeps its items", topic: "民生实事",
			text: "提升民生保障水平。优先发展教育事业，加大教育投入。重点办好十件民生实事：一是城镇新增就业4000人。二是完成150公里农村公路建设。三是完成第二污水处理厂建设。加强文物保护。",
			want: []string{"150公里农村公路", "第二污水处理厂"}, notWant: []string{"文物保护"},
		},
		{
			name: "a heading that names the topic takes the paragraph", topic: "城中村改造", heading: "（四）加快城中村改造",
			text: "推进城市更新。加快首批17个城中村改造进度。推进高铁片区基础设施建设。",
			want: []string{"高铁片区"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			words := a.topicWords(listTopic(c.topic))
			hit := search.Hit{ID: "p", Report: "r", Heading: c.heading, Text: c.text}
			ranked := rankListParagraphs([]search.Hit{hit}, listTopic(c.topic), words)
			if len(ranked) != 1 {
				t.Fatalf("ranked %d paragraphs, want 1", len(ranked))
			}
			got := strings.Join(ranked[0].items(c.best, words), "")
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("items %q lack %q", got, w)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(got, w) {
					t.Errorf("items %q have %q", got, w)
				}
			}
		})
	}
}

func TestListRanksParagraphsAboutTheTopic(t *testing.T) {
	a := listAsker(t)
	topic := "城中村改造"
	words := a.topicWords(topic)
	passing := search.Hit{ID: "passing", Report: "r", Text: "做好城市规划。做精做细城市核心区、重要街区、城中村改造安置区的风貌设计。"}
	about := search.Hit{ID: "about", Report: "r", Text: "推进城市更新。加快首批17个城中村改造进度，安置房12月底封顶；力争两年完成市区城中村改造任务。"}
	table := search.Hit{ID: "table", Report: "r", Text: "城中村改造项目"}
	ranked := rankListParagraphs([]search.Hit{passing, table, about}, topic, words)
	if got := ranked[0].hit.ID; got != "about" {
		t.Errorf("first paragraph %q, want the one about the topic (ranking %v)", got, ranked)
	}
}

// TestListCitation: a list cites its first paragraph when that opens with
// the topic and gives more than its opening, else the paragraph that gives
// the most items with figures.
func TestListCitation(t *testing.T) {
	open := search.Hit{ID: "r/2.3/p1"}
	measures := search.Hit{ID: "r/2.3/p2"}
	more := search.Hit{ID: "r/2.3/p3"}
	cited := []search.Hit{open, measures, more}
	for _, c := range []struct {
		name  string
		items []ListItem
		topic string
		want  string
	}{
		{"a one-line opening gives way to the measures", []ListItem{
			{Text: "坚持农业农村优先发展，深入实施乡村振兴战略。", ID: open.ID},
			{Text: "完成1500座农村改厕任务，创建7个省级美丽乡村。", ID: measures.ID},
			{Text: "加强乡村生态文明建设。", ID: more.ID},
		}, "乡村振兴", measures.ID},
		{"an opening led by the topic, with more of its own", []ListItem{
			{Text: "深入推进绿美广东生态建设。", ID: open.ID},
			{Text: "全面落实林长制。", ID: open.ID},
			{Text: "新建森林城市2个。", ID: measures.ID},
		}, "绿美广东生态建设", open.ID},
		{"the most items with figures, the first of a tie", []ListItem{
			{Text: "推进乡村建设。", ID: open.ID},
			{Text: "新建高标准农田2万亩。", ID: measures.ID},
			{Text: "改厕5000座。", ID: more.ID},
			{Text: "新建美丽乡村10个。", ID: more.ID},
		}, "乡村振兴", more.ID},
		{"no figures at all: the first", []ListItem{
			{Text: "推进乡村建设。", ID: open.ID},
			{Text: "加强乡村治理。", ID: measures.ID},
		}, "乡村振兴", open.ID},
	} {
		if got := listCitation(cited, c.items, c.topic); got.ID != c.want {
			t.Errorf("%s: cites %s, want %s", c.name, got.ID, c.want)
		}
	}
}

// TestOpensSubsection: the first paragraph of a section below a part, whose
// first sentence names the whole topic, opens the section on it.
func TestOpensSubsection(t *testing.T) {
	a := listAsker(t)
	words := a.topicWords("乡村振兴")
	para := func(id, path, text string) listParagraph {
		return listParagraph{hit: search.Hit{ID: id, Path: path}, sentences: sentencesOf(text)}
	}
	for _, c := range []struct {
		name string
		p    listParagraph
		want bool
	}{
		{"a section's first paragraph on the topic", para("r/2.3/p1", "2.3", "坚持农业农村优先发展，深入实施乡村振兴战略。"), true},
		{"a later paragraph", para("r/2.3/p2", "2.3", "深入实施乡村振兴战略。"), false},
		{"a part's opening", para("r/2/p1", "2", "深入实施乡村振兴战略。"), false},
		{"the topic only later in the paragraph", para("r/2.3/p1", "2.3", "发展现代农业。推进乡村振兴。"), false},
	} {
		if got := opensSubsection(c.p, words); got != c.want {
			t.Errorf("%s: opensSubsection = %v, want %v", c.name, got, c.want)
		}
	}
}
