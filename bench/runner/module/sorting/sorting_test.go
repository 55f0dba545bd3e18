package sorting

import (
	"math/rand"
	"sort"
	"testing"
)

func TestSortsAgree(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 6; round++ {
		xs := make([]int, 400_000)
		for i := range xs {
			xs[i] = rng.Intn(1 << 30)
		}
		a := append([]int(nil), xs...)
		b := append([]int(nil), xs...)
		MergeSort(a)
		HeapSort(b)
		sort.Ints(xs)
		for i := range xs {
			if a[i] != xs[i] || b[i] != xs[i] {
				t.Fatalf("round %d: index %d: merge %d heap %d want %d", round, i, a[i], b[i], xs[i])
			}
		}
	}
}
