package main

import (
	"context"
	"errors"
	"fmt"
	"os"
)

func main() {
	// No signal handler yet: the commands so far finish on their own, and
	// Ctrl-C must stop them. A command that serves installs its own.
	err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, programName+"："+explain(err))
		if errors.As(err, new(usageError)) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}
