package main

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"reportsearch/ask"
	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/internal/messages"
)

// The command line's errors in Chinese. A command returns its own mistakes
// as a message of internal/messages (sayError), cobra's and pflag's as
// their types; explain, at the edge, says any of them, and the library
// packages' errors, in Chinese.

// sayError is an error said by a message of internal/messages; cause, when
// set, is what went wrong below (for errors.Is and the log).
type sayError struct {
	msg   messages.Message
	cause error
}

func (e sayError) Error() string {
	if e.cause != nil {
		return e.msg.Text + " (" + e.cause.Error() + ")"
	}
	return e.msg.Text
}

func (e sayError) Unwrap() error { return e.cause }

// say is the error of message key with its placeholders filled.
func say(key string, pairs ...any) error {
	return sayError{msg: messages.Message{Key: key, Text: messages.Say(key, pairs...)}}
}

// sayCause is say with the cause below it.
func sayCause(cause error, key string, pairs ...any) error {
	return sayError{msg: messages.Message{Key: key, Text: messages.Say(key, pairs...)}, cause: cause}
}

// usage is a mistake in how the command was called, said by a message.
func usage(key string, pairs ...any) error { return usageError{say(key, pairs...)} }

// unknownCommandError is a subcommand the program lacks.
type unknownCommandError struct {
	name        string
	suggestions []string
	commands    []string
}

func (e unknownCommandError) Error() string { return "unknown command " + strconv.Quote(e.name) }

// argCountError is a command given the wrong number of arguments.
type argCountError struct {
	command string // its path: reportsearch search
	use     string // its use line
	n       int
}

func (e argCountError) Error() string {
	return e.command + ": " + strconv.Itoa(e.n) + " arguments"
}

// explain says err in Chinese: what is wrong and what to do.
func explain(err error) string {
	var se sayError
	var uc unknownCommandError
	var ac argCountError
	var notExist *pflag.NotExistError
	var needsValue *pflag.ValueRequiredError
	var badValue *pflag.InvalidValueError
	var badSyntax *pflag.InvalidSyntaxError
	switch {
	case errors.As(err, &se):
		return se.msg.Text
	case errors.As(err, &uc):
		if len(uc.suggestions) > 0 {
			return messages.Say("cli.unknown-command-like", "name", uc.name, "suggestions", strings.Join(uc.suggestions, " 或 "), "program", programName)
		}
		return messages.Say("cli.unknown-command", "name", uc.name, "commands", messages.List(uc.commands), "program", programName)
	case errors.As(err, &ac):
		return messages.Say("cli.args", "command", ac.command, "n", ac.n, "use", ac.use)
	case errors.As(err, &notExist):
		return messages.Say("cli.unknown-flag", "command", flagCommand(err), "flag", flagName(notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames()))
	case errors.As(err, &needsValue):
		f := needsValue.GetFlag()
		return messages.Say("cli.flag-needs-value", "flag", "--"+f.Name, "kind", valueKind(f.Value.Type()))
	case errors.As(err, &badValue):
		f := badValue.GetFlag()
		return messages.Say("cli.flag-bad-value", "flag", "--"+f.Name, "value", badValue.GetValue(), "kind", valueKind(f.Value.Type()))
	case errors.As(err, &badSyntax):
		return messages.Say("cli.flag-bad-syntax", "flag", badSyntax.GetSpecifiedFlag())
	}
	if m, ok := messages.Of(err); ok {
		return m.Text
	}
	return messages.Say("cli.failed", "reason", err.Error())
}

// programName is the command's name, as users type it.
const programName = "reportsearch"

// flagError is a flag error with the command it was given to, for the
// message's "see --help".
type flagError struct {
	command string
	err     error
}

func (e flagError) Error() string { return e.err.Error() }
func (e flagError) Unwrap() error { return e.err }

// flagCommand is the command a flag error was given to.
func flagCommand(err error) string {
	var fe flagError
	if errors.As(err, &fe) {
		return fe.command
	}
	return programName
}

// flagName is a flag as the user typed it: --name, or -x for a shorthand
// (pflag names the letter and the shorthands it was typed among).
func flagName(name, shorthands string) string {
	if shorthands != "" {
		return "-" + name
	}
	return "--" + name
}

// unknownCommand is the error for args whose first word names no command
// of root, with the commands it might have meant.
func unknownCommand(root *cobra.Command, args []string) error {
	name := ""
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			name = a
			break
		}
	}
	var commands []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() {
			commands = append(commands, c.Name())
		}
	}
	return unknownCommandError{name: name, suggestions: root.SuggestionsFor(name), commands: commands}
}

// reasonOf is why something failed, for a message that names the thing:
// in Chinese when the table has words for it, else the system's own.
func reasonOf(err error) string {
	if m, ok := messages.Of(err); ok {
		return m.Text
	}
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return messages.Say("cli.reason.in-use")
	case errors.Is(err, syscall.EACCES), errors.Is(err, fs.ErrPermission):
		return messages.Say("cli.reason.permission")
	case errors.Is(err, syscall.ENOSPC):
		return messages.Say("cli.reason.no-space")
	}
	return err.Error()
}

// writeError is a file that could not be written.
func writeError(file string, err error) error {
	return sayCause(err, "cli.writing", "file", file, "reason", reasonOf(err))
}

// listenReason is why an address could not be listened on.
func listenReason(err error) string { return reasonOf(err) }

// verdictChoices lists the verdicts a flag may name, each with its label:
// met（达成）、exceeded（超额）…
func verdictChoices() string {
	out := make([]string, len(corpus.Verdicts))
	for i, v := range corpus.Verdicts {
		out[i] = string(v) + "（" + v.Label() + "）"
	}
	return messages.List(out)
}

// reasonsText says why an answer is what it is (ask.Answer's reasons).
func reasonsText(rs []ask.Reason) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = messages.Reason(r.Code, r.Args)
	}
	return strings.Join(out, "")
}

// changeText says what an update of the library's index did.
func changeText(c indexer.Change) string {
	seconds := strconv.FormatFloat(c.Seconds, 'f', 1, 64)
	if c.Full {
		return messages.Say("cli.change-full", "seconds", seconds)
	}
	return messages.Say("cli.change", "added", len(c.Added), "changed", len(c.Changed), "removed", len(c.Removed), "failed", len(c.Failed), "seconds", seconds)
}
