package ask

import "testing"

func TestWrittenApart(t *testing.T) {
	for _, c := range []struct {
		name, text, phrase string
		want               string // "" for not written
	}{
		{"an insertion inside the phrase", "成功举办了黄河·釜山文化（2009·徐水）研讨会，深入挖掘了釜山历史文化。", "黄河·釜山文化研讨会", "黄河·釜山文化（2009·徐水）研讨会"},
		{"words in another order", "研讨会期间介绍了黄河·釜山文化。", "黄河·釜山文化研讨会", ""},
		{"words in two sentences", "保护黄河·釜山文化遗址。举办研讨会。", "黄河·釜山文化研讨会", ""},
		{"a 的 the question adds, and the closing bracket kept", "叶圣陶代表发表了题为《我呼吁》的文章。", "叶圣陶的《我呼吁》", "叶圣陶代表发表了题为《我呼吁》"},
		{"words too far apart", "黄河·釜山文化遗址保护力度明显加大，取缔了周边的三家采矿企业，并召开了研讨会。", "黄河·釜山文化研讨会", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := listAsker(t)
			got, ok := writtenApart(c.text, a.phraseWords(c.phrase), len([]rune(c.phrase)))
			if ok != (c.want != "") || got != c.want {
				t.Errorf("writtenApart(%q, %q) = %q, %v; want %q", c.text, c.phrase, got, ok, c.want)
			}
		})
	}
}
