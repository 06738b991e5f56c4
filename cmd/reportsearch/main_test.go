package main

import (
	"context"
	"os"
	"testing"
)

// TestMain lets a test run the real program in a child process: with
// REPORTSEARCH_MAIN=1 the test binary is reportsearch itself, so a test can
// kill it mid-way.
func TestMain(m *testing.M) {
	if os.Getenv("REPORTSEARCH_MAIN") == "1" {
		if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
			os.Stderr.WriteString(programName + "：" + explain(err) + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}
