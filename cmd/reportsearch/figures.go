package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/corpus/xlsx"
	"reportsearch/indexer"
	"reportsearch/internal/messages"
)

// outputFlags are the --json/--csv switches shared by the listing commands.
type outputFlags struct {
	json, csv bool
	xlsx      string // a workbook file to write instead of printing
	reports   []string
}

func (o *outputFlags) register(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&o.json, "json", false, "打印 JSON 数组")
	cmd.Flags().BoolVar(&o.csv, "csv", false, "打印 CSV（带 BOM 的 UTF-8，可用电子表格打开）")
	cmd.Flags().StringVar(&o.xlsx, "xlsx", "", "把 Excel 工作簿（.xlsx）写入这个`文件`，而不打印")
	cmd.Flags().StringSliceVar(&o.reports, "reports", nil, "要读取的报告`文件或目录`（默认：内置的报告）")
	cmd.MarkFlagsMutuallyExclusive("json", "csv", "xlsx")
}

// writeWorkbook writes rows as a workbook to the file o.xlsx names, whole
// or not at all: a failed write leaves no half file under that name.
func writeWorkbook[T any](o outputFlags, table corpus.Table[T], sheet string, rows []T) error {
	tmp, err := os.CreateTemp(filepath.Dir(o.xlsx), "."+filepath.Base(o.xlsx)+".*")
	if err != nil {
		return writeError(o.xlsx, err)
	}
	err = tmp.Chmod(0o644) // CreateTemp's file is the user's alone; an export is a document
	if err == nil {
		err = xlsx.WriteAll(tmp, table, sheet, rows)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), o.xlsx)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return writeError(o.xlsx, err)
	}
	return nil
}

func (a *app) newFiguresCommand() *cobra.Command {
	var (
		out     outputFlags
		ff      corpus.FigureFilter
		kind    string
		compare bool
	)
	cmd := &cobra.Command{
		Use:   "figures [--json|--csv|--xlsx 文件] [--year 年份] [--kind 类型] [--domain 领域] [--compare] [词语...]",
		Short: "把报告中的数值列成数据",
		Long: `figures 列出报告中关于某项指标的每个带单位的数值：指标、原文写法和换算到基本单位的值
（2525亿元 → 252500000000 元）、限定词（约、以上、左右、超、余……）、类型（actual 实际、
estimate 预计、target 目标）、度量（level 总量、growth 增长、decline 下降、rate 比率）、
年份、政策领域，以及数值所在的句子。

给出“词语”时，只保留指标中含有每个词的数值。--compare 改为列出每个目标，并与上一年同一
指标的完成情况并排。`,
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := corpus.ParseFigureKind(kind)
			if err != nil {
				return usageError{sayCause(err, "cli.kind", "value", kind)}
			}
			ff.Kind, ff.Words = k, args
			reports, err := a.loadReports(out.reports)
			if err != nil {
				return err
			}
			if _, err := labelReports(reports); err != nil {
				return err
			}
			switch {
			case out.xlsx != "" && compare:
				return writeWorkbook(out, corpus.ComparisonTable, "目标与上年对比", corpus.SelectComparisons(corpus.Compare(reports), ff))
			case out.xlsx != "":
				return writeWorkbook(out, corpus.FigureTable, "数据", corpus.SelectFigures(reports, ff))
			}
			return writeOutput(cmd, func(w io.Writer) error {
				if compare {
					return writeComparisons(w, out, corpus.SelectComparisons(corpus.Compare(reports), ff))
				}
				return writeFigures(w, out, corpus.SelectFigures(reports, ff))
			})
		},
	}
	out.register(cmd)
	cmd.Flags().IntVar(&ff.Year, "year", 0, "只列这一`年份`的数值")
	cmd.Flags().StringVar(&kind, "kind", "", "只列这一`类型`的数值：actual（实际）、estimate（预计）或 target（目标）")
	cmd.Flags().StringVar(&ff.Domain, "domain", "", "只列这一政策`领域`的数值（如 教育）")
	cmd.Flags().BoolVar(&compare, "compare", false, "把每个目标与上一年的完成情况配对")
	return cmd
}

// labelReports gives the figures and commitments of reports the labels of
// their reports (place · year and kind), as a search of an index of them
// would, and returns the catalog of the reports that made the labels.
func labelReports(reports []*corpus.Report) (*catalog.Catalog, error) {
	entries := make([]indexer.ReportEntry, len(reports))
	for i, r := range reports {
		entries[i] = indexer.ReportEntry{Meta: r.Meta}
	}
	c, err := catalog.New(entries, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range reports {
		label := c.Label(r.ID)
		for f := range r.Figures() {
			f.ReportLabel = label
		}
		for _, cm := range r.Commitments {
			cm.ReportLabel = label
		}
	}
	return c, nil
}

func writeFigures(w io.Writer, o outputFlags, figs []*corpus.Figure) error {
	switch {
	case o.json:
		return writeJSON(w, nonNil(figs))
	case o.csv:
		return corpus.WriteFiguresCSV(w, figs)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, columns("cli.head.figures"))
	for _, f := range figs {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s %s\t%s\n", f.ReportLabel, f.Year, f.Kind, f.Measure, f.Indicator, f.Text,
			strings.TrimSuffix(fmt.Sprintf("%.6f", f.Normalized), ".000000"), f.BaseUnit, f.ParagraphID)
	}
	fmt.Fprintln(tw, messages.Say("cli.count.figures", "n", len(figs)))
	return tw.Flush()
}

func writeComparisons(w io.Writer, o outputFlags, cs []corpus.Comparison) error {
	switch {
	case o.json:
		return writeJSON(w, nonNil(cs))
	case o.csv:
		return corpus.WriteComparisonsCSV(w, cs)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, columns("cli.head.compare"))
	for _, c := range cs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%d\t%s\t%s\n", c.Target.ReportLabel, c.Indicator, c.Target.Text, c.Target.Year, c.Result.Text, c.Result.Year,
			c.Target.ParagraphID, c.Result.ParagraphID)
	}
	fmt.Fprintln(tw, messages.Say("cli.count.compare", "n", len(cs)))
	return tw.Flush()
}
