package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"reportsearch/internal/messages"
	"reportsearch/query"
	"reportsearch/search"
)

func (a *app) newSearchCommand() *cobra.Command {
	var (
		asJSON      bool
		limit, page int
	)
	cmd := &cobra.Command{
		Use:   "search [--json] [--limit 条数] [--page 页码] 查询词...",
		Short: "搜索报告",
		Long: `search 找出与查询相符的段落（查询语法见 /help 页面或 docs/query.md）：

  楼宇经济                     含有这个词的每个段落，逐字相符的排在前面
  "金融港湾核心区"              精确短语
  养老 -疫情                    排除一个词
  托育 OR 托位                  两者之一
  加装电梯 year:2023 kind:target
  domain:教育 part:四 report:<报告编号> unit:台 figure:>100亿元

结果分层：先是逐字含有每个词的段落，再是含有每个词的分词的段落，然后是通过同义词表相符的
段落；每条结果注明属于哪一层。--json 打印完整结果：总数、带摘要和匹配位置的结果、引文、
分面统计和用到的同义词。

选项要写在查询词前面：查询的第一个词之后，-疫情 是排除词，不是选项；以 - 开头的查询前要加 --。`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmp.Or(flagInRange("limit", limit, 1, search.MaxPageSize), flagInRange("page", page, 1, 1<<20)); err != nil {
				return err
			}
			q, err := query.Parse(strings.Join(args, " "))
			if err != nil {
				return usageErrorIfQuery(err)
			}
			e, err := a.openEngine(cmd.Context(), cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer e.Close()
			res, err := e.Search(cmd.Context(), search.Request{Query: q, Size: limit, Page: page})
			if err != nil {
				return usageErrorIfQuery(err)
			}
			if note := q.Note(); note != "" { // an unpaired quote or bracket read past
				fmt.Fprintln(cmd.ErrOrStderr(), note)
			}
			return writeOutput(cmd, func(w io.Writer) error {
				if asJSON {
					return writeJSON(w, res)
				}
				writeResult(w, res)
				return nil
			})
		},
	}
	// Flags come before the query: after its first word everything is
	// query, so an exclusion such as -疫情 is not read as a flag.
	cmd.Flags().SetInterspersed(false)
	cmd.Flags().BoolVar(&asJSON, "json", false, "以 JSON 打印结果")
	cmd.Flags().IntVar(&limit, "limit", 10, "每页的结果`条数`")
	cmd.Flags().IntVar(&page, "page", 1, "`页码`，从 1 开始")
	return cmd
}

// usageErrorIfQuery marks a malformed query as a usage error (exit 2).
func usageErrorIfQuery(err error) error {
	var pe *query.ParseError
	if errors.As(err, &pe) || errors.Is(err, query.ErrEmptyQuery) {
		return usageError{err}
	}
	return err
}

// writeResult prints a result for a terminal: each hit with its place, how
// it matched, its snippets with matches in 【】, and its citation.
func writeResult(w io.Writer, r *search.Result) {
	fmt.Fprint(w, messages.Say("cli.results", "n", r.Total, "query", r.Query))
	if r.Total > 0 {
		fmt.Fprint(w, messages.Say("cli.results-page", "page", r.Page))
	}
	fmt.Fprintln(w)
	for _, x := range r.Expanded {
		fmt.Fprintln(w, messages.Say("cli.also-searched", "term", x.Term, "synonyms", strings.Join(x.Synonyms, "、")))
	}
	for i, h := range r.Hits {
		fmt.Fprintf(w, "\n%d. %s  [%s", (r.Page-1)*r.Size+i+1, h.Heading, h.Match)
		if h.Year != 0 {
			fmt.Fprintf(w, " · %d", h.Year)
		}
		if h.Kind != "" {
			fmt.Fprintf(w, " · %s", h.Kind)
		}
		fmt.Fprintf(w, "]\n")
		if h.ReportLabel != "" {
			fmt.Fprintf(w, "   %s\n", h.ReportLabel)
		}
		for _, s := range h.Snippets {
			fmt.Fprintf(w, "   %s\n", markup(s))
		}
		fmt.Fprintf(w, "   %s\n   %s\n", h.Citation, h.ID)
	}
	if len(r.Facets["year"]) > 0 || len(r.Facets["domain"]) > 0 {
		fmt.Fprintln(w)
		for _, name := range []string{"year", "kind", "part", "domain"} {
			var vs []string
			for _, v := range r.Facets[name] {
				vs = append(vs, fmt.Sprintf("%s(%d)", v.Value, v.Count))
			}
			if len(vs) > 0 {
				fmt.Fprintf(w, "%s：%s\n", messages.Say("cli.facet."+name), strings.Join(vs, " "))
			}
		}
	}
}

// markup brackets a snippet's matches for the terminal.
func markup(s search.Snippet) string {
	var b strings.Builder
	at := 0
	for _, m := range s.Matches {
		b.WriteString(s.Text[at:m[0]])
		b.WriteString("【" + s.Text[m[0]:m[1]] + "】")
		at = m[1]
	}
	b.WriteString(s.Text[at:])
	return b.String()
}
