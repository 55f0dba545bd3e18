// Package greet says hello in a few languages.
package greet

import "fmt"

// Hello greets name in the given language; unknown languages fall back to English.
func Hello(name, lang string) string {
	if name == "" {
		name = "world"
	}
	switch lang {
	case "fr":
		return fmt.Sprintf("Bonjour, %s!", name)
	case "de":
		return fmt.Sprintf("Hallo, %s!", name)
	case "es":
		return fmt.Sprintf("¡Hola, %s!", name)
	default:
		return fmt.Sprintf("Hello, %s!", name)
	}
}
