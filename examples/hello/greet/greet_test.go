package greet

import "testing"

func TestHello(t *testing.T) {
	cases := []struct{ name, lang, want string }{
		{"Ada", "fr", "Bonjour, Ada!"},
		{"", "en", "Hello, world!"},
		{"Grace", "de", "Hallo, Grace!"},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			if got := Hello(c.name, c.lang); got != c.want {
				t.Errorf("Hello(%q, %q) = %q, want %q", c.name, c.lang, got, c.want)
			}
		})
	}
}
