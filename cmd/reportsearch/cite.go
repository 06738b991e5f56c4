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
		Use:   "cite [--format text|quote|markdown|gbt7714|json] PARAGRAPH_ID|CITATION_CODE",
		Short: "Print the citation of a paragraph, ready to paste",
		Long: `cite prints the citation of a paragraph by its ID (as search shows it) or its
citation code (引用码, as its page shows it: K7M3Q2XD.2.4.2.1), in one of:

  text      《题名》（发布机关，2023年1月17日）第二部分（三）1. 第2段
  quote     the paragraph quoted with its source, as drafts cite:
            “……”（《题名》，发布机关，2023年1月17日，第二部分（三）1. 第2段）
  markdown  the paragraph quoted, then the citation with the title linked to its permalink
  gbt7714   a reference entry in the style of GB/T 7714-2015
  json      all of them, with the paragraph's text and heading`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case corpus.CiteText, corpus.CiteQuote, corpus.CiteMarkdown, corpus.CiteGBT7714, "json":
			default:
				return usageError{fmt.Errorf("--format %q: want text, quote, markdown, gbt7714 or json", format)}
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
					return fmt.Errorf("citation code %s names %d indexed reports", ref, len(reports))
				}
				id = ref.ParagraphID(reports[0])
			}
			p, err := e.Paragraph(cmd.Context(), id)
			if errors.Is(err, search.ErrNotFound) {
				return fmt.Errorf("no paragraph %q in the index (IDs look like shangcheng-2022-plan-report/2.3.1/p1)", args[0])
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
	cmd.Flags().StringVar(&format, "format", "text", "text, quote, markdown, gbt7714 or json")
	return cmd
}
