package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/internal/messages"
)

func (a *app) newIndexCommand() *cobra.Command {
	var (
		out   string
		force bool
	)
	cmd := &cobra.Command{
		Use:   "index [--out 目录] [--force] [路径...]",
		Short: "为报告建立搜索索引",
		Long: `index 为给出的报告文件或目录（“路径”）建立搜索索引（不给参数时为程序内置的报告），写入 --out 目录
（默认：用户缓存目录下的 reportsearch/index）。如果索引对同样的报告和同一程序版本已是最新，
就保留它，除非给出 --force。新索引建在旧索引旁边，建好后才替换旧索引：建立失败或被中断时，
旧索引仍然可用。`,
		RunE: func(cmd *cobra.Command, args []string) error {
			root := out
			if root == "" {
				var err error
				if root, err = indexer.DefaultRoot(); err != nil {
					return err
				}
			}
			sources, err := sourcesFor(args)
			if err != nil {
				return err
			}
			stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
			opts, err := a.ensureOptions(root, stderr) // says why it builds
			if err != nil {
				return err
			}
			opts.Force = force
			progress, done := progressReporter(stderr)
			opts.Progress = progress
			m, built, err := indexer.Ensure(cmd.Context(), root, sources, opts)
			done()
			if err != nil {
				return err
			}
			if !built {
				fmt.Fprintln(stdout, messages.Say("cli.index-current", "root", root, "reports", len(m.Reports), "paragraphs", m.Paragraphs,
					"figures", m.Figures, "built", m.Built.Local().Format(time.DateTime)))
				return nil
			}
			fmt.Fprintln(stdout, messages.Say("cli.index-done", "reports", len(m.Reports), "paragraphs", m.Paragraphs, "figures", m.Figures,
				"mb", fmt.Sprintf("%.2f", float64(m.TextBytes)/1e6), "seconds", fmt.Sprintf("%.2f", m.Seconds),
				"rate", fmt.Sprintf("%.1f", float64(m.TextBytes)/1e6/m.Seconds), "root", root))
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "索引`目录`（默认：用户缓存目录）")
	cmd.Flags().BoolVar(&force, "force", false, "即使索引已是最新也重建")
	return cmd
}

// sourcesFor lists the report files that args name, or the embedded report.
func sourcesFor(args []string) ([]corpus.Source, error) {
	if len(args) == 0 {
		return []corpus.Source{corpus.DefaultSource()}, nil
	}
	return corpus.Sources(args)
}

// progressReporter shows a progress bar when w is a terminal and one log line
// per report otherwise (a CI log, a pipe). The bar appears with the first
// report indexed, so a current index draws none; done clears it. The total
// is the build's own (Progress.Total): what a caller lists is not always
// what is built (an update builds only what changed).
func progressReporter(w io.Writer) (func(indexer.Progress), func()) {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		var bar *progressbar.ProgressBar
		return func(p indexer.Progress) {
				if bar == nil {
					bar = progressbar.NewOptions(p.Total,
						progressbar.OptionSetWriter(w),
						progressbar.OptionSetDescription("indexing"),
						progressbar.OptionShowCount(),
						progressbar.OptionSetPredictTime(true),
						progressbar.OptionClearOnFinish(),
					)
				}
				bar.Describe(p.Report)
				bar.Set(p.Done)
			}, func() {
				if bar != nil {
					bar.Finish()
				}
			}
	}
	return func(p indexer.Progress) {
		fmt.Fprintln(w, messages.Say("cli.index-progress", "done", p.Done, "total", p.Total, "report", p.Report, "docs", p.Docs))
	}, func() {}
}
