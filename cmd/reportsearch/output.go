package main

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"reportsearch/internal/messages"
)

// writeOutput renders a command's output in full before writing any of it
// to standard output, so that a failure leaves no half-written output.
func writeOutput(cmd *cobra.Command, render func(w io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	_, err := cmd.OutOrStdout().Write(buf.Bytes())
	return err
}

// writeJSON writes v as indented JSON, with Chinese and <, >, & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// nonNil makes an empty result print as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// columns is a table's header line for a terminal: the column names of
// message key (written with 、 between them), separated by tabs.
func columns(key string) string { return strings.ReplaceAll(messages.Say(key), "、", "\t") }
