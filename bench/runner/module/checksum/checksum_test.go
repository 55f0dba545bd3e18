package checksum

import (
	"hash/adler32"
	"testing"
)

func TestAdler32MatchesStandardLibrary(t *testing.T) {
	data := make([]byte, 1<<20)
	for round := 0; round < 120; round++ {
		for i := range data {
			data[i] = byte(i*round + i>>8)
		}
		if got, want := Adler32(data), adler32.Checksum(data); got != want {
			t.Fatalf("round %d: %08x, want %08x", round, got, want)
		}
	}
}

func TestFletcher16(t *testing.T) {
	if got := Fletcher16([]byte("abcde")); got != 0xc8f0 {
		t.Fatalf("Fletcher16(abcde) = %04x", got)
	}
}
