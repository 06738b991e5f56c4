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
		Use:   "cite [--format text|markdown|gbt7714|json] PARAGRAPH_ID",
		Short: "Print the citation of a paragraph, ready to paste",
		Long: `cite prints the citation of a paragraph by its ID (as search shows it), in one of:

  text      《题名》（发布机关，2023年1月17日）第二部分（三）1.
  markdown  the paragraph quoted, then the citation with the title linked to its permalink
  gbt7714   a reference entry in the style of GB/T 7714-2015
  json      all of them, with the paragraph's text and heading`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case corpus.CiteText, corpus.CiteMarkdown, corpus.CiteGBT7714, "json":
			default:
				return usageError{fmt.Errorf("--format %q: want text, markdown, gbt7714 or json", format)}
			}
			e, err := a.openEngine(cmd.Context(), cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer e.Close()
			p, err := e.Paragraph(cmd.Context(), args[0])
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
			case "json":
				err = writeJSON(out, c)
			default:
				_, err = fmt.Fprintln(out, c.Cite)
			}
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text, markdown, gbt7714 or json")
	return cmd
}
