package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"reportsearch/corpus"
)

func (a *app) newTrackCommand() *cobra.Command {
	var (
		out     outputFlags
		tf      corpus.TrackFilter
		places  []string
		verdict string
	)
	cmd := &cobra.Command{
		Use:   "track [--json|--csv|--xlsx FILE] [--place P]... [--year Y] [--verdict V] [--domain D] [INDICATOR WORDS...]",
		Short: "Track each target to the result a later report gives for it",
		Long: `track pairs every target a report sets for its year (国内生产总值增长5.5%左右) with the result
that a later report of the same place gives for the same indicator, unit, measure and year (增长5.2%),
and judges it: 达成 (met), 超额 (exceeded), 未达成 (missed), 无法判断 (unclear); a target that a later
report of the place does not mention again is 未再提及, one with no later report loaded 待后续报告.
Qualifiers count (左右 within half a point or 5 %, 以上 a floor, 以内 a ceiling), a range target
(5%—6%) is met by a value inside it, and for indicators where less is better (失业率, 价格涨幅) a
target is a ceiling. Doubts say when a pair should be checked: an estimate (预计), indicators worded
differently, a result only a later report gives.

--place keeps the targets of one place (repeatable); INDICATOR WORDS keep those whose indicator
contains every word.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			v, err := corpus.ParseVerdict(verdict)
			if err != nil {
				return usageError{err}
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
	cmd.Flags().StringArrayVar(&places, "place", nil, "only targets of this place (e.g. 河北省, 徐水); repeatable")
	cmd.Flags().IntVar(&tf.Year, "year", 0, "only targets for this year")
	cmd.Flags().StringVar(&verdict, "verdict", "", "only this verdict: met, exceeded, missed, unclear, unreported or pending (or 达成, 超额 …)")
	cmd.Flags().StringVar(&tf.Domain, "domain", "", "only targets of this policy domain (e.g. 就业)")
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
	fmt.Fprintln(tw, "place\tyear\tindicator\ttarget\tresult\tverdict\tdoubts\ttarget paragraph\tresult paragraph")
	for _, t := range ts {
		result, at := "", ""
		if t.Result != nil {
			result, at = t.Result.Text, t.Result.ParagraphID
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.Place, t.Year, t.Indicator, t.Target.Text, result,
			t.Verdict.Label(), strings.Join(t.Doubts, "；"), t.Target.ParagraphID, at)
	}
	fmt.Fprintf(tw, "%d targets\n", len(ts))
	return tw.Flush()
}
