package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"reportsearch/corpus"
)

func (a *app) newCommitmentsCommand() *cobra.Command {
	var (
		out outputFlags
		cf  corpus.CommitmentFilter
	)
	cmd := &cobra.Command{
		Use:   "commitments [--json|--csv|--xlsx FILE] [--domain D] [--year Y]",
		Short: "List what the plan sections promise",
		Long: `commitments lists each sentence of a plan section that promises an action or a number, with
its year, its policy domains, how firm it is (确保 a pledge, 力争 an aim), the figures it states and
the paragraph it comes from.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			reports, err := a.loadReports(out.reports)
			if err != nil {
				return err
			}
			if _, err := labelReports(reports); err != nil {
				return err
			}
			if out.xlsx != "" {
				return writeWorkbook(out, corpus.CommitmentTable, "承诺", corpus.SelectCommitments(reports, cf))
			}
			return writeOutput(cmd, func(w io.Writer) error {
				return writeCommitments(w, out, corpus.SelectCommitments(reports, cf))
			})
		},
	}
	out.register(cmd)
	cmd.Flags().IntVar(&cf.Year, "year", 0, "only commitments for this year")
	cmd.Flags().StringVar(&cf.Domain, "domain", "", "only commitments of this policy domain (e.g. 教育)")
	return cmd
}

func writeCommitments(w io.Writer, o outputFlags, cs []*corpus.Commitment) error {
	switch {
	case o.json:
		return writeJSON(w, nonNil(cs))
	case o.csv:
		return corpus.WriteCommitmentsCSV(w, cs)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "report\tyear\tstrength\tdomains\ttext\tparagraph")
	for _, c := range cs {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\n", c.ReportLabel, c.Year, c.Strength, strings.Join(c.Domains, "、"), c.Text, c.ParagraphID)
	}
	fmt.Fprintf(tw, "%d commitments\n", len(cs))
	return tw.Flush()
}
