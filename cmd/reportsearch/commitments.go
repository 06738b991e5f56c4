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

func (a *app) newCommitmentsCommand() *cobra.Command {
	var (
		out outputFlags
		cf  corpus.CommitmentFilter
	)
	cmd := &cobra.Command{
		Use:   "commitments [--json|--csv|--xlsx 文件] [--domain 领域] [--year 年份]",
		Short: "列出计划部分作出的承诺",
		Long: `commitments 列出计划部分中承诺一项行动或一个数值的每个句子，以及它的年份、政策领域、
力度（“确保”为保证，“力争”为争取）、其中的数值和所在段落。`,
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
	cmd.Flags().IntVar(&cf.Year, "year", 0, "只列这一`年份`的承诺")
	cmd.Flags().StringVar(&cf.Domain, "domain", "", "只列这一政策`领域`的承诺（如 教育）")
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
	fmt.Fprintln(tw, columns("cli.head.commitments"))
	for _, c := range cs {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\n", c.ReportLabel, c.Year, c.Strength, strings.Join(c.Domains, "、"), c.Text, c.ParagraphID)
	}
	fmt.Fprintln(tw, messages.Say("cli.count.commitments", "n", len(cs)))
	return tw.Flush()
}
