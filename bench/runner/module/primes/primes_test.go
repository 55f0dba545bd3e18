package primes

import "testing"

func TestSieveAgreesWithTrialDivision(t *testing.T) {
	const n = 6_000_000
	primes := Sieve(n)
	if len(primes) != 412849 {
		t.Fatalf("%d primes below %d, want 412849", len(primes), n)
	}
	next := 0
	for i := 0; i < n; i++ {
		want := next < len(primes) && primes[next] == i
		if IsPrime(i) != want {
			t.Fatalf("IsPrime(%d) = %v", i, !want)
		}
		if want {
			next++
		}
	}
}

func TestSmall(t *testing.T) {
	if Sieve(2) != nil {
		t.Fatal("no primes below 2")
	}
}
