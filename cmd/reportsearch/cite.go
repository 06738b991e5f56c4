package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"reportsearch/corpus"
	"reportsearch/search"
)

func (a *app) newCiteCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "cite [--format text|quote|markdown|gbt7714|json] 段落编号|引用码",
		Short: "打印一个段落的引文，可直接粘贴",
		Long: `cite 按段落编号（search 显示的）或引用码（段落页上显示的，如 K7M3Q2XD.2.4.2.1）打印
段落的引文，格式为以下之一：

  text      《题名》（发布机关，2023年1月17日）第二部分（三）1. 第2段
  quote     带出处的段落原文，公文引用的写法：
            “……”（《题名》，发布机关，2023年1月17日，第二部分（三）1. 第2段）
  markdown  段落原文，然后是引文，题名链接到段落的固定链接
  gbt7714   GB/T 7714-2015 格式的参考文献条目
  json      以上全部，以及段落的原文和标题`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case corpus.CiteText, corpus.CiteQuote, corpus.CiteMarkdown, corpus.CiteGBT7714, "json":
			default:
				return usage("cli.format", "value", format)
			}
			e, err := a.openEngine(cmd.Context(), cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer e.Close()
			id := args[0]
			if ref, ok := corpus.ParseCiteCode(id); ok {
				reports := e.Catalog().ReportsWithCode(ref.Report)
				if len(reports) != 1 {
					return say("cli.code-reports", "code", ref, "n", len(reports))
				}
				id = ref.ParagraphID(reports[0])
			}
			p, err := e.Paragraph(cmd.Context(), id)
			if errors.Is(err, search.ErrNotFound) {
				return sayCause(err, "cli.no-paragraph", "id", args[0])
			}
			if err != nil {
				return err
			}
			c := corpus.CiteParagraph(e.Catalog().Meta(p.Report), p.ID, p.Locator, p.Heading, p.Text, corpus.Permalink(p.ID))
			out := cmd.OutOrStdout()
			switch format {
			case corpus.CiteMarkdown:
				_, err = fmt.Fprintln(out, c.Markdown)
			case corpus.CiteGBT7714:
				_, err = fmt.Fprintln(out, c.GBT7714)
			case corpus.CiteQuote:
				_, err = fmt.Fprintln(out, c.Quote.Text)
			case "json":
				err = writeJSON(out, c)
			default:
				_, err = fmt.Fprintln(out, c.Cite)
			}
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "引文`格式`：text、quote、markdown、gbt7714 或 json")
	return cmd
}
