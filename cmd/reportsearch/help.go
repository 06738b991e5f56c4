package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"reportsearch/internal/messages"
)

// The command line's help in Chinese: cobra's usage template, its help
// command and help flags, and the flags' listing, which pflag writes in
// English ("(default 10)", "int"), all said in Chinese. The command and
// flag names stay as they are: they are what a user types.

// usageTemplate is cobra's default usage template in Chinese; the use line
// and the flags come from zhUseLine and zhFlags.
const usageTemplate = `用法：{{if .Runnable}}
  {{zhUseLine .}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} 命令 [选项]{{end}}{{if .HasAvailableSubCommands}}

命令：{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项：
{{zhFlags .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

全局选项：
{{zhFlags .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

用“{{.CommandPath}} 命令 --help”查看某个命令的说明。{{end}}
`

// helpTemplate is cobra's help template: the long description, then the
// usage.
const helpTemplate = `{{with (or .Long .Short)}}{{. | trimTrailingWhitespaces}}

{{end}}{{if or .Runnable .HasSubCommands}}{{.UsageString}}{{end}}`

func init() {
	// cobra's template functions are a registry, filled once.
	cobra.AddTemplateFunc("zhUseLine", func(c *cobra.Command) string {
		return strings.Replace(c.UseLine(), "[flags]", "[选项]", 1)
	})
	cobra.AddTemplateFunc("zhFlags", zhFlags)
}

// chineseHelp gives the command tree its Chinese help: the templates, a
// help command, and a help flag on every command. Shell completion, whose
// scripts and help cobra writes in English, is left out.
func chineseHelp(root *cobra.Command) {
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetUsageTemplate(usageTemplate)
	root.SetHelpTemplate(helpTemplate)
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [命令]",
		Short: messages.Say("cli.help-command"),
		Long:  messages.Say("cli.help-command-long", "program", root.Name()),
		RunE: func(c *cobra.Command, args []string) error {
			cmd, _, err := c.Root().Find(args)
			if cmd == nil || err != nil {
				return usageError{unknownCommand(c.Root(), args)}
			}
			return cmd.Help()
		},
	})
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().BoolP("help", "h", false, messages.Say("cli.help-flag", "command", c.Name()))
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// zhFlags lists flags as pflag's FlagUsages does — shorthand, name, the
// kind of value, the usage, the default — with the kind and the default
// said in Chinese.
func zhFlags(fs *pflag.FlagSet) string {
	type row struct{ name, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name := "    --" + f.Name
		if f.Shorthand != "" {
			name = "-" + f.Shorthand + ", --" + f.Name
		}
		// A word in backquotes in the usage names the value (`目录`), as
		// in pflag; else it is named by its kind.
		value, usage := pflag.UnquoteUsage(f)
		if value == f.Value.Type() || value == "strings" {
			value = valueKind(value)
		}
		if value != "" {
			name += " " + value
		}
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "[]" {
			usage += messages.Say("cli.default", "value", d)
		}
		rows = append(rows, row{name, usage})
		width = max(width, displayWidth(name))
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "  %s%s   %s\n", r.name, strings.Repeat(" ", width-displayWidth(r.name)), r.usage)
	}
	return strings.TrimRight(b.String(), "\n")
}

// valueKind is what pflag calls the kind of a flag's value (int, string,
// strings …), in Chinese.
func valueKind(kind string) string {
	if key := "cli.kind." + kind; messages.Has(key) {
		return messages.Say(key)
	}
	return messages.Say("cli.kind.other")
}

// displayWidth is how many columns a terminal gives s: two for a Chinese
// character or a full-width form, one for the rest.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
