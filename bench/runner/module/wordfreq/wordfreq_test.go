package wordfreq

import (
	"strings"
	"testing"
)

func TestCountGeneratedText(t *testing.T) {
	var b strings.Builder
	words := []string{"alpha", "Beta", "gamma", "delta", "epsilon"}
	for i := 0; i < 4_000_000; i++ {
		b.WriteString(words[(i*i)%len(words)])
		b.WriteString(", ")
	}
	counts := Count(b.String())
	total := 0
	for _, c := range counts {
		total += c
	}
	if total != 4_000_000 || len(counts) != 3 {
		t.Fatalf("%d words in %d kinds", total, len(counts))
	}
	if top := Top(counts, 1); top[0] != "beta" {
		t.Fatalf("top word %q", top[0])
	}
}
