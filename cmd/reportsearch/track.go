package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"reportsearch/corpus"
	"reportsearch/internal/messages"
)

func (a *app) newTrackCommand() *cobra.Command {
	var (
		out     outputFlags
		tf      corpus.TrackFilter
		places  []string
		verdict string
	)
	cmd := &cobra.Command{
		Use:   "track [--json|--csv|--xlsx 文件] [--place 地区]... [--year 年份] [--verdict 判定] [--domain 领域] [词语...]",
		Short: "把每个目标与后来报告给出的完成情况对应起来",
		Long: `track 把报告为当年定下的每个目标（国内生产总值增长5.5%左右）与同一地区后来的报告就同一
指标、单位、度量和年份给出的结果（增长5.2%）配对，并作出判定：达成（met）、超额（exceeded）、
未达成（missed）、无法判断（unclear）；同一地区后来的报告不再提到的目标为“未再提及”，
还没有收录后续报告的为“待后续报告”。
限定词会计入（“左右”允许相差半个百分点或 5%，“以上”是下限，“以内”是上限），区间目标
（5%—6%）在区间内即为达成，越低越好的指标（失业率、价格涨幅）的目标视为上限。
“存疑”说明哪些配对需要核对：预计数、指标说法不同、结果只见于更晚的报告。

--place 只保留某一地区的目标（可重复）；给出“词语”时，只保留指标中含有每个词的目标。`,
		RunE: func(cmd *cobra.Command, args []string) error {
			v, err := corpus.ParseVerdict(verdict)
			if err != nil {
				return usageError{sayCause(err, "cli.verdict", "value", verdict, "verdicts", verdictChoices())}
			}
			tf.Verdict, tf.Words = v, args
			reports, err := a.loadReports(out.reports)
			if err != nil {
				return err
			}
			c, err := labelReports(reports)
			if err != nil {
				return err
			}
			if tf.Reports, err = c.ReportsOfPlaces(places); err != nil {
				return err
			}
			tracked := corpus.SelectTracked(corpus.TrackReports(reports, c.PlaceOf), tf)
			if out.xlsx != "" {
				return writeWorkbook(out, corpus.TrackedTable, "目标跟踪", tracked)
			}
			return writeOutput(cmd, func(w io.Writer) error { return writeTracked(w, out, tracked) })
		},
	}
	out.register(cmd)
	cmd.Flags().StringArrayVar(&places, "place", nil, "只列这一`地区`的目标（如 河北省、徐水），可重复")
	cmd.Flags().IntVar(&tf.Year, "year", 0, "只列这一`年份`的目标")
	cmd.Flags().StringVar(&verdict, "verdict", "", "只列这一`判定`：met（达成）、exceeded（超额）、missed（未达成）、unclear（无法判断）、unreported（未再提及）或 pending（待后续报告），也可写中文")
	cmd.Flags().StringVar(&tf.Domain, "domain", "", "只列这一政策`领域`的目标（如 就业）")
	return cmd
}

func writeTracked(w io.Writer, o outputFlags, ts []corpus.Tracked) error {
	switch {
	case o.json:
		return writeJSON(w, nonNil(ts))
	case o.csv:
		return corpus.WriteTrackedCSV(w, ts)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, columns("cli.head.track"))
	for _, t := range ts {
		result, at := "", ""
		if t.Result != nil {
			result, at = t.Result.Text, t.Result.ParagraphID
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.Place, t.Year, t.Indicator, t.Target.Text, result,
			t.Verdict.Label(), strings.Join(t.Doubts, "；"), t.Target.ParagraphID, at)
	}
	fmt.Fprintln(tw, messages.Say("cli.count.track", "n", len(ts)))
	return tw.Flush()
}
