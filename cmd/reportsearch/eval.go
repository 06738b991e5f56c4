package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"reportsearch/search"
)

// errEvalFailed makes eval exit 1 when a query failed or a substring was
// missed; the report above says which.
var errEvalFailed = errors.New("eval: some checks failed")

func (a *app) newEvalCommand() *cobra.Command {
	var (
		relFile string
		samples int
	)
	cmd := &cobra.Command{
		Use:   "eval --rel FILE [--samples N]",
		Short: "Measure search quality against relevance judgments",
		Long: `eval runs the queries of a relevance file (a TSV: query, a tab, then evidence strings separated
by |, each a literal piece of a paragraph a user wants; lines starting with # are comments) and
prints MRR@10, recall@5 and recall@10. It then samples N substrings of the indexed paragraphs
and checks that searching each finds every paragraph a plain scan finds (literal recall). The
last line counts the relevance queries whose wanted paragraphs are all in the top 10:
"N passed, N failed".`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if relFile == "" {
				return usageError{fmt.Errorf("--rel FILE is required")}
			}
			f, err := os.Open(relFile)
			if err != nil {
				return err
			}
			qs, err := search.ReadRel(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", relFile, err)
			}
			e, err := a.openEngine(cmd.Context(), cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer e.Close()
			s, err := e.EvaluateRel(cmd.Context(), qs)
			if err != nil {
				return err
			}
			checked, missedQ, missedP, err := e.LiteralRecall(cmd.Context(), samples, 1)
			if err != nil {
				return err
			}
			var b bytes.Buffer
			for _, r := range s.Results {
				status := "ok  "
				if !r.Passed() {
					status = "FAIL"
				}
				fmt.Fprintf(&b, "%s %-20s first relevant at %2d, %d/%d in top 10", status, r.Query, r.FirstRank, r.Found10, r.Wanted)
				if len(r.MissingTop) > 0 {
					fmt.Fprintf(&b, ", missing %q", r.MissingTop)
				}
				fmt.Fprintln(&b)
			}
			fmt.Fprintf(&b, "MRR@10 %.3f  recall@5 %.3f  recall@10 %.3f  (%d queries)\n", s.MRR10, s.Recall5, s.Recall10, len(qs))
			if checked > 0 {
				recall := float64(checked-missedQ) / float64(checked)
				fmt.Fprintf(&b, "literal recall %.1f%%: %d sampled substrings, %d missed %d paragraphs\n", recall*100, checked, missedQ, missedP)
			} else {
				fmt.Fprintln(&b, "literal recall: not sampled")
			}
			fmt.Fprintf(&b, "%d passed, %d failed\n", s.Passed, s.Failed)
			if _, err := cmd.OutOrStdout().Write(b.Bytes()); err != nil {
				return err
			}
			if s.Failed > 0 || missedQ > 0 {
				return errEvalFailed // exit 1, as a test runner does, after the report
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&relFile, "rel", "", "relevance judgments (TSV)")
	cmd.Flags().IntVar(&samples, "samples", 1000, "substrings to sample for literal recall")
	return cmd
}
