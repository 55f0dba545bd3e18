// Package version has no tests of its own: Go 1.22 and later count its statements as
// uncovered, earlier versions leave it out. go-matrix's like-for-like delta explains the gap.
package version

// Name is the program's name.
const Name = "hello"

// String returns the name and version.
func String(v string) string {
	if v == "" {
		v = "dev"
	}
	return Name + " " + v
}
