package corpus

import "testing"

func TestPageTitleOff(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2024年广东省政府工作报告_财经评论(cjpl)股吧_东方财富网股吧", "2024年广东省政府工作报告"},
		{"政府工作报告｜某某市人民政府", "政府工作报告"},
		// Before the separator no report is named: the line stays whole.
		{"首页_政府工作报告", "首页_政府工作报告"},
		{"2023年政府工作报告", "2023年政府工作报告"},
	} {
		if got := pageTitleOff(c.in); got != c.want {
			t.Errorf("pageTitleOff(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMeetingOnly(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"广东省省长王伟中在广东省第十四届人民代表大会第一次会议", "广东省第十四届人民代表大会第一次会议"},
		{"至6日在第一届全国人民代表大会第二次会议", "第一届全国人民代表大会第二次会议"},
		{"第五届全国人民代表大会第四次会议", "第五届全国人民代表大会第四次会议"},
	} {
		if got := meetingOnly(c.in); got != c.want {
			t.Errorf("meetingOnly(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRegionOfASpeakersDateline(t *testing.T) {
	// The dateline names the speaker between the place and the meeting.
	if got := regionOf("", "广东省省长王伟中在广东省第十四届人民代表大会第一次会议", "").String(); got != "广东省" {
		t.Errorf("region %q, want 广东省", got)
	}
}
