// Package arch holds no code: its test checks the layering of the module's
// packages (see arch_test.go), so that a change that makes a package
// import one above it fails where it is made.
package arch
