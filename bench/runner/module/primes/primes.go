// Package primes counts and lists primes with a sieve of Eratosthenes.
package primes

// Sieve returns the primes below n.
func Sieve(n int) []int {
	if n < 3 {
		return nil
	}
	composite := make([]bool, n)
	primes := []int{2}
	for i := 3; i < n; i += 2 {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j < n; j += 2 * i {
			composite[j] = true
		}
	}
	return primes
}

// IsPrime tests n by trial division.
func IsPrime(n int) bool {
	if n < 2 {
		return false
	}
	if n%2 == 0 {
		return n == 2
	}
	for d := 3; d*d <= n; d += 2 {
		if n%d == 0 {
			return false
		}
	}
	return true
}
