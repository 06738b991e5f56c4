package corpus

import "testing"

func TestIsDefinition(t *testing.T) {
	for text, want := range map[string]bool{
		"“双减”政策：是指有效减轻义务教育阶段学生过重作业负担和校外培训负担。": true,
		"14.“双减”政策：是指有效减轻义务教育阶段学生过重作业负担。":     true,
		"三区三线：指农业空间、生态空间、城镇空间所对应的区域。":         true,
		"“放管服”:是指简政放权、放管结合、优化服务的简称。":          true,
		"[“独角兽”企业]指成立10年以内、估值超过10亿美元的企业。":     true,
		"全面落实“双减”政策，强化校园安全整治。":                false,
		"坚持稳中求进工作总基调，指导各项工作。":                 false,
		"深入实施“1530”工程，持续深度对接山东杜郎口中学。":         false,
		"全面完成各项指标任务。":                         false,
	} {
		if got := IsDefinition(text); got != want {
			t.Errorf("IsDefinition(%q) = %v, want %v", text, got, want)
		}
	}
}
