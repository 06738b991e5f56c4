package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"reportsearch/corpus"
)

func (a *app) newParseCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "parse [--json] [FILE|DIR ...]",
		Short: "Show the structure the parser finds in reports",
		Long: `parse reads reports (.txt or .md, UTF-8 or GB18030; a directory stands for the report files
in it) and prints each one's outline: metadata, then every section with its number, heading,
year and kind, and the IDs of its paragraphs. With no argument it parses the embedded report.

--json prints a JSON object for one report (no argument, or one file) and a JSON array when
the arguments are several or include a directory. Each report has the
metadata, the section tree, paragraphs with their sentences, and the lines that were left out
as not report text (crawler headers, navigation, licence notices) with the reason.`,
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
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of an outline")
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
		return nil, fmt.Errorf("%s: %w", a.domainsFile, err)
	}
	return t, nil
}
