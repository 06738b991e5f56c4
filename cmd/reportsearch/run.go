package main

import (
	"context"
	"errors"
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
	// cobra says an unknown command only in words: name it as a type.
	if err != nil && strings.HasPrefix(err.Error(), "unknown command") && !errors.As(err, new(unknownCommandError)) {
		return usageError{unknownCommand(root, args)}
	}
	if err != nil && isUsageError(err) {
		return usageError{err}
	}
	return err
}

func newRootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "reportsearch",
		Short: "搜索、引用政府报告，并就报告提问",
		Long: `reportsearch 让政府报告——政府工作报告、国民经济和社会发展计划执行情况与计划草案——
可以离线搜索、引用和提问。不给文件时，使用程序内置的报告：杭州市上城区关于2022年计划执行情况
与2023年计划草案的报告。`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageError{flagError{command: cmd.CommandPath(), err: err}}
	})
	a := &app{}
	root.PersistentFlags().StringVar(&a.domainsFile, "domains", "",
		"用来给报告标注政策领域的`文件`，代替内置的领域表（格式见 corpus/domains.txt），或写 \""+builtinDomains+"\" 用内置的；index 或 serve 建立的索引按它标注，重建时沿用，直到给出另一个 --domains")
	root.PersistentFlags().StringVar(&a.indexDir, "index", "",
		"search、cite 和 eval 使用的索引`目录`（默认：用户缓存目录中内置报告的索引）")
	root.AddCommand(a.newParseCommand(), a.newFiguresCommand(), a.newTrackCommand(), a.newCommitmentsCommand(), a.newIndexCommand(),
		a.newSearchCommand(), a.newCiteCommand(), a.newAskCommand(), a.newEvalCommand(), a.newServeCommand())
	argsAreUsage(root)
	chineseHelp(root)
	return root
}

// argsAreUsage makes a wrong number of arguments a usage error (exit 2),
// like a bad flag: cobra returns its argument checks' errors plain.
func argsAreUsage(cmd *cobra.Command) {
	for _, c := range cmd.Commands() {
		if check := c.Args; check != nil {
			c.Args = func(cmd *cobra.Command, args []string) error {
				if err := check(cmd, args); err != nil {
					return usageError{argCountError{command: cmd.CommandPath(), use: strings.Replace(cmd.UseLine(), "[flags]", "[选项]", 1), n: len(args)}}
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
		return usage("cli.flag-range", "flag", name, "value", v, "lo", lo, "hi", hi)
	}
	return nil
}

// isUsageError recognises the errors cobra returns for a bad command line
// before any command runs. Flag errors come wrapped by SetFlagErrorFunc;
// an unknown subcommand is only recognisable by its message.
func isUsageError(err error) bool {
	return errors.As(err, new(usageError)) || strings.HasPrefix(err.Error(), "unknown command")
}
