package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// app holds the options every command shares (the root's persistent
// flags), so that no command reads a package-level variable.
type app struct {
	domainsFile string // --domains: a taxonomy to tag reports with
	indexDir    string // --index: the index the search commands use
}

// usageError marks a mistake in how the command was called (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// run executes the command line args, writing results to stdout and
// diagnostics to stderr. It never calls os.Exit, so tests can call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	root := newRootCommand()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetContext(ctx)
	_, err := root.ExecuteC()
	if err != nil && isUsageError(err) {
		return usageError{err}
	}
	return err
}

func newRootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "reportsearch",
		Short: "Search, cite and question Chinese policy reports",
		Long: `reportsearch makes Chinese policy reports — 政府工作报告, 国民经济和社会发展计划执行情况与计划草案 —
searchable, citable and answerable, offline. With no files it works on the report embedded in
the binary: the Shangcheng District (Hangzhou) report on the 2022 plan and the 2023 draft plan.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageError{err}
	})
	a := &app{}
	root.PersistentFlags().StringVar(&a.domainsFile, "domains", "",
		"a policy-domain file to tag reports with instead of the built-in one (format: corpus/domains.txt), or \""+builtinDomains+"\" for the built-in one; the index that index or serve builds is tagged with it, and keeps it through rebuilds until another --domains")
	root.PersistentFlags().StringVar(&a.indexDir, "index", "",
		"the index directory search, cite and eval use (default: the embedded report's, in the user cache directory)")
	root.AddCommand(a.newParseCommand(), a.newFiguresCommand(), a.newTrackCommand(), a.newCommitmentsCommand(), a.newIndexCommand(),
		a.newSearchCommand(), a.newCiteCommand(), a.newAskCommand(), a.newEvalCommand(), a.newServeCommand())
	argsAreUsage(root)
	return root
}

// argsAreUsage makes a wrong number of arguments a usage error (exit 2),
// like a bad flag: cobra returns its argument checks' errors plain.
func argsAreUsage(cmd *cobra.Command) {
	for _, c := range cmd.Commands() {
		if check := c.Args; check != nil {
			c.Args = func(cmd *cobra.Command, args []string) error {
				if err := check(cmd, args); err != nil {
					return usageError{err}
				}
				return nil
			}
		}
		argsAreUsage(c)
	}
}

// flagInRange checks a number given as a flag.
func flagInRange(name string, v, lo, hi int) error {
	if v < lo || v > hi {
		return usageError{fmt.Errorf("--%s %d: want a whole number from %d to %d", name, v, lo, hi)}
	}
	return nil
}

// isUsageError recognises the errors cobra returns for a bad command line
// before any command runs. Flag errors come wrapped by SetFlagErrorFunc;
// an unknown subcommand is only recognisable by its message.
func isUsageError(err error) bool {
	return errors.As(err, new(usageError)) || strings.HasPrefix(err.Error(), "unknown command")
}
