package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"reportsearch/query"
	"reportsearch/search"
)

func (a *app) newSearchCommand() *cobra.Command {
	var (
		asJSON      bool
		limit, page int
	)
	cmd := &cobra.Command{
		Use:   "search [--json] [--limit N] [--page P] QUERY...   (flags first; a query starting with - needs -- before it)",
		Short: "Search the reports",
		Long: `search finds the paragraphs that match a query (see docs/query.md):

  楼宇经济                     every paragraph that says it, literal matches first
  "金融港湾核心区"              an exact phrase
  养老 -疫情                    exclude a word
  托育 OR 托位                  either
  加装电梯 year:2023 kind:target
  domain:教育 part:四 report:<id> unit:台 figure:>100亿元

Hits come in tiers: paragraphs that contain every term literally, then paragraphs that contain
each term's words, then matches through the synonym table; each hit says which. --json prints
the whole result: total, hits with snippets and match offsets, citations, facets and the
synonyms used.`,
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
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	cmd.Flags().IntVar(&limit, "limit", 10, "hits per page")
	cmd.Flags().IntVar(&page, "page", 1, "page number, from 1")
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
	fmt.Fprintf(w, "%d results for %s", r.Total, r.Query)
	if r.Total > 0 {
		fmt.Fprintf(w, " (page %d)", r.Page)
	}
	fmt.Fprintln(w)
	for _, x := range r.Expanded {
		fmt.Fprintf(w, "also searched: %s → %s\n", x.Term, strings.Join(x.Synonyms, "、"))
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
				fmt.Fprintf(w, "%s: %s\n", name, strings.Join(vs, " "))
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
