package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"reportsearch/internal/messages"
)

// saysChinese fails unless text holds Chinese and no English sentence
// (messages.EnglishSentence: two or more English words in a row, code, IDs
// and the query syntax aside).
func saysChinese(t *testing.T, what, text string) {
	t.Helper()
	if !strings.ContainsFunc(text, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		t.Errorf("%s: nothing in Chinese: %q", what, text)
	}
	if s := messages.EnglishSentence(text); s != "" {
		i := strings.Index(text, s)
		t.Errorf("%s: %q in English: …%s…", what, s, text[max(0, i-60):min(len(text), i+len(s)+60)])
	}
}

// TestCommandErrorsSayChinese runs the command line wrong in every way a
// user does — flags unknown, without a value, with a bad value or out of
// range, a command that does not exist, the wrong number of arguments, a
// missing file, a file that is no report, a directory with none, a bad
// query, a citation that does not exist, an index that is not there — and
// checks what the user is told (explain, as main prints it) is in Chinese
// and names what is wrong.
func TestCommandErrorsSayChinese(t *testing.T) {
	dir := t.TempDir()
	binary := filepath.Join(dir, "图片.txt")
	if err := os.WriteFile(binary, []byte{0x89, 'P', 'N', 'G', 0, 0, 0}, 0o644); err != nil {
		t.Fatal(err)
	}
	index := testIndex(t)
	for _, c := range []struct {
		args []string
		says string // a specific the message keeps
	}{
		{[]string{"parse", "--bogus"}, "--bogus"},
		{[]string{"search", "-x", "就业"}, "-x"},
		{[]string{"search", "--limit"}, "--limit"},
		{[]string{"search", "--limit", "many", "就业"}, "many"},
		{[]string{"search", "--limit", "0", "就业"}, "1 到 100"},
		{[]string{"search", "--page=", "就业"}, "--page"},
		{[]string{"frobnicate"}, "frobnicate"},
		{[]string{"serch", "就业"}, "search"},
		{[]string{"help", "frobnicate"}, "frobnicate"},
		{[]string{"cite"}, "cite"},
		{[]string{"cite", "a", "b"}, "给了 2 个"},
		{[]string{"search"}, "查询词"},
		{[]string{"parse", filepath.Join(dir, "没有这个.txt")}, "没有这个.txt"},
		{[]string{"parse", binary}, "图片.txt"},
		{[]string{"parse", t.TempDir()}, "没有报告文件"},
		{[]string{"figures", "--reports", t.TempDir()}, "没有报告文件"},
		{[]string{"figures", "--kind", "wish"}, "wish"},
		{[]string{"track", "--verdict", "maybe"}, "maybe"},
		{[]string{"--index", index, "search", `教育 ""`}, "引号里是空的"},
		{[]string{"--index", index, "search", "yaer:2023", "就业"}, "yaer"},
		{[]string{"--index", index, "search", "托育", "OR"}, "OR"},
		{[]string{"--index", index, "search", "kind:wish"}, "kind:target"},
		{[]string{"--index", index, "cite", "no/such/p9"}, "no/such/p9"},
		{[]string{"--index", index, "cite", "--format", "apa", "x"}, "apa"},
		{[]string{"--index", t.TempDir(), "search", "养老"}, "reportsearch index"},
		{[]string{"--index", index, "eval"}, "--rel"},
		{[]string{"--domains", filepath.Join(dir, "没有的领域.txt"), "parse"}, "没有的领域.txt"},
		{[]string{"serve", "--addr", "8080"}, "8080"},
	} {
		name := strings.Join(c.args, " ")
		_, _, err := runCLI(t, c.args...)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		msg := explain(err)
		saysChinese(t, name, msg)
		if !strings.Contains(msg, c.says) {
			t.Errorf("%s: %q does not say %q", name, msg, c.says)
		}
	}
}

// TestCommandHelpSaysChinese: the help of the program and of every command
// (--help, -h and the help command), which cobra writes in English unless
// told otherwise, is in Chinese.
func TestCommandHelpSaysChinese(t *testing.T) {
	root := newRootCommand()
	helps := [][]string{{"--help"}, {"-h"}, {"help"}}
	for _, c := range root.Commands() {
		helps = append(helps, []string{c.Name(), "--help"}, []string{"help", c.Name()})
	}
	if len(helps) < 20 {
		t.Fatalf("only %d commands", len(helps)/2)
	}
	for _, args := range helps {
		out, errOut, err := runCLI(t, args...)
		if err != nil {
			t.Errorf("%v: %v", args, err)
			continue
		}
		saysChinese(t, strings.Join(args, " "), out+errOut)
		for _, english := range []string{"Usage:", "Flags:", "help for", "(default", "Available Commands"} {
			if strings.Contains(out, english) {
				t.Errorf("%v: says %q", args, english)
			}
		}
	}
}
