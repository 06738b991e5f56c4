package corpus

import (
	"fmt"
	"regexp"
	"strings"
)

// figureContext is what a paragraph's place in the report says about the
// period of its figures.
type figureContext struct {
	past, plan int    // the years the report reviews and plans
	period     string // a five-year period the section speaks of ("2021-2025"), if only that
}

// fivePlans maps a five-year plan to its years.
var fivePlans = map[string]string{
	"十一五": "2006-2010", "十二五": "2011-2015", "十三五": "2016-2020", "十四五": "2021-2025", "十五五": "2026-2030", "十六五": "2031-2035",
}

var (
	reFivePlan = regexp.MustCompile(`十[一二三四五六]五`)
	// Sentence cues that a figure is a total or an average over a plan
	// period rather than one year's.
	reFiveYearCue = regexp.MustCompile(`五年来|过去五年|近五年|“?十[一二三四五六]五”?(?:时期|期间|以来)|年均`)
	// An explicit year that is the topic of what follows (2022年，全区实现…;
	// 2022年全年…) or the year a target is set for (到2025年…).
	reTopicYear  = regexp.MustCompile(`((?:19|20)\d{2})年(?:[，,：]|全年|全区|全市|全省|全县|全国|实现|完成|末|底|上半年|前三季度|预计)`)
	reTargetYear = regexp.MustCompile(`(?:到|至|力争到)((?:19|20)\d{2})年`)
)

// sectionPeriod returns the five-year period a heading speaks of when it
// names a plan period and no single year (“十五五”时期的主要目标和重点任务).
func sectionPeriod(titles []string) string {
	for i := len(titles) - 1; i >= 0; i-- {
		t := titles[i]
		if len(allYears(t)) > 0 {
			return ""
		}
		if m := reFivePlan.FindString(t); m != "" && (strings.Contains(t, "时期") || strings.Contains(t, "期间")) {
			return fivePlans[m]
		}
	}
	return ""
}

// periodOf returns the five-year period a sentence's cue refers to, or "".
func (c figureContext) periodOf(sentence string) string {
	cue := reFiveYearCue.FindString(sentence)
	if cue == "" {
		return ""
	}
	if m := reFivePlan.FindString(sentence); m != "" {
		return fivePlans[m]
	}
	if c.period != "" {
		return c.period
	}
	if c.past != 0 {
		return fmt.Sprintf("%d-%d", c.past-4, c.past)
	}
	return ""
}

// datePeriod settles a figure's year, kind and period from the words before
// it in its sentence, overriding what its section says: an explicit year
// that is the topic (2022年，全区实现…) or a target year (到2025年…) wins;
// a five-year cue (五年来, “十四五”时期, 年均) makes it a figure of the
// period, not of one year.
func (c figureContext) datePeriod(f *Figure, before, sentence string) {
	topic, target := lastYear(reTopicYear, before), lastYear(reTargetYear, before)
	switch {
	case target != 0 && target >= topic:
		f.Year, f.Kind, f.Period = target, FigureTarget, ""
	case topic != 0:
		f.Year, f.Period = topic, ""
		switch {
		case c.plan != 0 && topic < c.plan && strings.Contains(sentence, "预计"):
			f.Kind = FigureEstimate
		case c.plan != 0 && topic < c.plan:
			f.Kind = FigureActual
		case c.plan != 0 && topic >= c.plan && f.Kind != FigureEstimate:
			f.Kind = FigureTarget
		}
	default:
		if p := c.periodOf(before); p != "" {
			f.Period, f.Year = p, 0
		} else if c.period != "" {
			f.Period, f.Year = c.period, 0
		}
	}
}

func lastYear(re *regexp.Regexp, s string) int {
	ms := re.FindAllStringSubmatch(s, -1)
	if len(ms) == 0 {
		return 0
	}
	return atoi(ms[len(ms)-1][1])
}
