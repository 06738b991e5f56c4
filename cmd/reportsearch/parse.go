package main

import (
	"io"
	"os"

	"github.com/spf13/cobra"

	"reportsearch/corpus"
)

func (a *app) newParseCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "parse [--json] [路径...]",
		Short: "显示解析器在报告中找到的结构",
		Long: `parse 读取给出的报告文件或目录（“路径”；.txt 或 .md，UTF-8 或 GB18030 编码；给出目录即读取其中的报告文件），
打印每份报告的提纲：元数据，然后是每一节的编号、标题、年份和类型，以及各段落的编号。
不给参数时，解析程序内置的报告。

--json 为一份报告（不给参数或只给一个文件）打印一个 JSON 对象；给出多个参数或目录时打印
JSON 数组。每份报告包括元数据、章节树、段落及其句子，以及作为非正文略去的行（网站页眉、
导航、版权声明）和略去的原因。`,
		RunE: func(cmd *cobra.Command, args []string) error {
			reports, err := a.loadReports(args)
			if err != nil {
				return err
			}
			return writeOutput(cmd, func(w io.Writer) error {
				if asJSON {
					if singleReport(args) {
						return writeJSON(w, reports[0])
					}
					return writeJSON(w, reports)
				}
				for i, r := range reports {
					if i > 0 {
						if _, err := io.WriteString(w, "\n"); err != nil {
							return err
						}
					}
					if err := r.WriteOutline(w); err != nil {
						return err
					}
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "打印 JSON，而不是提纲")
	return cmd
}

// loadReports reads the reports that args name, or the embedded default
// report when there are none, and tags them with the --domains taxonomy
// when one is given.
func (a *app) loadReports(args []string) ([]*corpus.Report, error) {
	var reports []*corpus.Report
	if len(args) == 0 {
		r, err := corpus.Default()
		if err != nil {
			return nil, err
		}
		reports = []*corpus.Report{r}
	} else {
		var err error
		if reports, err = corpus.ReadPaths(args); err != nil {
			return nil, err
		}
	}
	if a.domainsFile != "" {
		t, err := a.taxonomy()
		if err != nil {
			return nil, err
		}
		for _, r := range reports {
			r.Tag(t)
		}
	}
	return reports, nil
}

// singleReport reports whether args name exactly one report file (or none:
// the embedded report), so that --json prints an object; any directory or
// several arguments print an array, whatever they happen to hold, so that
// scripts can rely on the shape.
func singleReport(args []string) bool {
	if len(args) == 0 {
		return true
	}
	if len(args) > 1 {
		return false
	}
	info, err := os.Stat(args[0])
	return err == nil && !info.IsDir()
}

// builtinDomains, given as --domains, is the built-in taxonomy: the way
// back to it for an index tagged with another.
const builtinDomains = "builtin"

// taxonomy is the --domains file, or the built-in taxonomy.
func (a *app) taxonomy() (*corpus.Taxonomy, error) {
	if a.domainsFile == "" || a.domainsFile == builtinDomains {
		return corpus.DefaultTaxonomy(), nil
	}
	f, err := corpus.OpenRegular(a.domainsFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := corpus.ParseTaxonomy(f)
	if err != nil {
		return nil, sayCause(err, "cli.domains", "file", a.domainsFile, "reason", explain(err))
	}
	return t, nil
}
