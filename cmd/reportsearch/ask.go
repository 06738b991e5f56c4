package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"reportsearch/ask"
	"reportsearch/corpus"
	"reportsearch/internal/messages"
	"reportsearch/search"
)

func (a *app) newAskCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "ask [--json] 问题",
		Short: "回答问题：给出数值、所在句子和引文",
		Long: `ask 根据报告中的数值回答问题：

  2022年城镇新增就业多少人？          一个数值（理解年份、完成或目标、单位）
  2022年完成多少，2023年计划多少？     两个数值及其变化
  2023年教育方面有哪些目标？           某个领域的承诺
  哪里提到德寿宫？                    提到它的段落

没有足够相符的数值时，会如实说明（found: false），并列出最相关的段落。--json 打印 found、
answer、figures、sentence、citation {id, text, cite} 和 alternatives。`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, asker, err := a.openAsker(cmd.Context(), cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer e.Close()
			ans, err := asker.Ask(cmd.Context(), strings.Join(args, " "))
			if err != nil {
				return usageErrorIfQuery(err)
			}
			return writeOutput(cmd, func(w io.Writer) error {
				if asJSON {
					return writeJSON(w, ans)
				}
				writeAnswer(w, ans)
				return nil
			})
		},
	}
	cmd.Flags().SetInterspersed(false)
	cmd.Flags().BoolVar(&asJSON, "json", false, "以 JSON 打印回答")
	return cmd
}

func writeAnswer(w io.Writer, a *ask.Answer) {
	switch {
	case a.Found && a.Frame.Type == ask.AskList:
		fmt.Fprintf(w, "%s\n", a.Answer)
		for _, it := range a.Items {
			fmt.Fprintf(w, "  · %s\n    %s\n", it.Text, it.Citation)
		}
		return
	case a.Found && a.Frame.Type == ask.AskWhere:
		fmt.Fprintf(w, "%s\n", a.Answer)
		for _, h := range a.Paragraphs {
			fmt.Fprintf(w, "  · %s\n    %s\n", h.Heading, h.Citation)
		}
		return
	case a.Found:
		fmt.Fprintf(w, "%s\n", a.Answer)
		for _, ab := range a.About {
			fmt.Fprintf(w, "  %s\n", aboutLine(ab))
		}
		fmt.Fprintf(w, "  %s\n  %s\n", a.Sentence, a.Citation.Cite)
		if len(a.ByPlace) > 1 {
			fmt.Fprintf(w, "  各地：\n")
			for _, pa := range a.ByPlace {
				fmt.Fprintf(w, "    %s\t%s\t%s\t%s\n", pa.Place, pa.Answer, yearKind(pa.Figure), pa.Citation.Cite)
			}
		}
		for _, alt := range a.Alternatives {
			fmt.Fprintf(w, "  另见：%s %s（%s）\n", alt.Indicator, alt.Text, alt.ParagraphID)
		}
		if len(a.Reasons) > 0 {
			fmt.Fprintf(w, "  说明：%s\n", reasonsText(a.Reasons))
		}
		return
	}
	fmt.Fprintf(w, "没有找到答案：%s\n", reasonsText(a.Reasons))
	for _, h := range a.Paragraphs {
		fmt.Fprintf(w, "  · %s\n    %s\n", firstSnippet(h), h.Citation)
	}
}

// yearKind is a figure's year and kind: 2024 actual.
func yearKind(f *corpus.Figure) string {
	if f.Year == 0 {
		return string(f.Kind)
	}
	return strconv.Itoa(f.Year) + " " + string(f.Kind)
}

func firstSnippet(h search.Hit) string {
	if len(h.Snippets) > 0 {
		return markup(h.Snippets[0])
	}
	return h.Heading
}

// aboutLine says what a figure of an answer is: 2022 · estimate · 河北省 ·
// 《2023年河北省政府工作报告》 (2023).
func aboutLine(ab ask.About) string {
	var parts []string
	switch {
	case !ab.Period.IsZero():
		parts = append(parts, ab.Period.String())
	case ab.Year != 0:
		parts = append(parts, strconv.Itoa(ab.Year))
	default:
		parts = append(parts, messages.Say("cli.year-not-stated"))
	}
	parts = append(parts, string(ab.Kind))
	if ab.ReportLabel != "" {
		return strings.Join(append(parts, ab.ReportLabel), " · ")
	}
	if ab.Place != "" {
		parts = append(parts, ab.Place)
	}
	r := "《" + ab.Report + "》"
	if ab.Delivered != 0 {
		r += fmt.Sprintf(" (%d)", ab.Delivered)
	}
	return strings.Join(append(parts, r), " · ")
}
