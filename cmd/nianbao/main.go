package main

import "os"

// main is documented in doc.go.
func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
}
