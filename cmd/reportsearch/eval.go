package main

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/spf13/cobra"

	"reportsearch/ask"
	"reportsearch/corpus"
	"reportsearch/eval"
	"reportsearch/search"
)

// errEvalFailed makes eval exit 1 when a query failed or a substring was
// missed; the report above says which.
var errEvalFailed = say("cli.eval-failed")

func (a *app) newEvalCommand() *cobra.Command {
	var (
		relFile, qaFile string
		samples         int
	)
	cmd := &cobra.Command{
		Use:   "eval [--rel 文件] [--qa 文件] [--samples N]",
		Short: "用评测集衡量搜索和问答",
		Long: `eval 用评测文件衡量搜索引擎。

--rel 文件（每行：查询，制表符，用 | 分隔的证据字符串，每个是用户想要的段落中逐字出现的一段）
打印 MRR@10、recall@5 和 recall@10，然后从已索引的段落中抽取 N 个子串，检查搜索每个子串
都能找到逐字扫描找到的每个段落。

--qa 文件（每行：问题，制表符，用 | 分隔的答案，制表符，证据）逐个提问，打印答案准确率
（每个答案字符串都出现在回答中）和引文准确率（所引段落含有证据）。

以 # 开头的行是注释。最后一行统计所需段落都在前 10 名的查询，以及答案和引文都正确的问题：
“N passed, N failed”。有任何一项未通过时，eval 以状态 1 退出。`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if relFile == "" && qaFile == "" {
				return usage("cli.eval-needs-file")
			}
			e, asker, err := a.openAsker(cmd.Context(), cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer e.Close()
			var b bytes.Buffer
			passed, failed := 0, 0
			if relFile != "" {
				p, f, err := evalRel(cmd, e, &b, relFile, samples)
				if err != nil {
					return err
				}
				passed, failed = passed+p, failed+f
			}
			if qaFile != "" {
				p, f, err := evalQA(cmd, asker, &b, qaFile)
				if err != nil {
					return err
				}
				passed, failed = passed+p, failed+f
			}
			fmt.Fprintf(&b, "%d passed, %d failed\n", passed, failed)
			if _, err := cmd.OutOrStdout().Write(b.Bytes()); err != nil {
				return err
			}
			if failed > 0 {
				return errEvalFailed // exit 1, as a test runner does, after the report
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&relFile, "rel", "", "相关性评测`文件`（TSV）")
	cmd.Flags().StringVar(&qaFile, "qa", "", "带答案和证据的问题`文件`（TSV）")
	cmd.Flags().IntVar(&samples, "samples", 1000, "为检查逐字召回抽取的子串`数`")
	return cmd
}

// evalRel measures search against a relevance file; a missed substring
// counts as a failure too.
func evalRel(cmd *cobra.Command, e *search.Engine, b *bytes.Buffer, file string, samples int) (passed, failed int, err error) {
	qs, err := readEvalFile(file, eval.ReadRel)
	if err != nil {
		return 0, 0, err
	}
	s, err := eval.Rel(cmd.Context(), e, qs)
	if err != nil {
		return 0, 0, err
	}
	for _, r := range s.Results {
		fmt.Fprintf(b, "%s %-20s first relevant at %2d, %d/%d in top 10", status(r.Passed()), r.Query, r.FirstRank, r.Found10, r.Wanted)
		if len(r.MissingTop) > 0 {
			fmt.Fprintf(b, ", missing %q", r.MissingTop)
		}
		fmt.Fprintln(b)
	}
	fmt.Fprintf(b, "MRR@10 %.3f  recall@5 %.3f  recall@10 %.3f  (%d queries)\n", s.MRR10, s.Recall5, s.Recall10, len(qs))
	checked, missedQ, missedP, err := eval.LiteralRecall(cmd.Context(), e, samples, 1)
	if err != nil {
		return 0, 0, err
	}
	if checked > 0 {
		recall := float64(checked-missedQ) / float64(checked)
		fmt.Fprintf(b, "literal recall %.1f%%: %d sampled substrings, %d missed %d paragraphs\n", recall*100, checked, missedQ, missedP)
	} else {
		fmt.Fprintln(b, "literal recall: not sampled")
	}
	return s.Passed, s.Failed + missedQ, nil
}

// evalQA measures question answering against a QA file.
func evalQA(cmd *cobra.Command, asker *ask.Asker, b *bytes.Buffer, file string) (passed, failed int, err error) {
	qs, err := readEvalFile(file, eval.ReadQA)
	if err != nil {
		return 0, 0, err
	}
	s, err := eval.QA(cmd.Context(), asker, qs)
	if err != nil {
		return 0, 0, err
	}
	for _, r := range s.Results {
		fmt.Fprintf(b, "%s %s → %s (answer %v, citation %v)\n", status(r.Passed()), r.Question, r.Answer, r.AnswerRight, r.CitationRight)
	}
	if types := slices.Sorted(maps.Keys(s.ByType)); len(types) > 1 || len(types) == 1 && types[0] != "" {
		for _, t := range types {
			fmt.Fprintf(b, "%-12s %d/%d\n", t, s.ByType[t].Passed, s.ByType[t].Asked)
		}
	}
	if s.Unanswerable > 0 {
		fmt.Fprintf(b, "unanswerable questions answered all the same: %d of %d\n", s.Answered, s.Unanswerable)
	}
	fmt.Fprintf(b, "answer accuracy %.3f  citation accuracy %.3f  right with the right citation %d/%d (%.1f%%)\n",
		s.AnswerAccuracy, s.CitationAccuracy, s.Passed, len(qs), 100*float64(s.Passed)/float64(max(1, len(qs))))
	return s.Passed, s.Failed, nil
}

// readEvalFile reads a judgments file with read, naming the file in errors.
func readEvalFile[T any](file string, read func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := corpus.OpenRegular(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	qs, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return qs, nil
}

// status is how a check's line starts.
func status(passed bool) string {
	if passed {
		return "ok  "
	}
	return "FAIL"
}
