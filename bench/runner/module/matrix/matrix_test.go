package matrix

import "testing"

func TestMulAssociative(t *testing.T) {
	const n = 400
	a, b, c := New(n), New(n), New(n)
	for i := range a.Data {
		a.Data[i] = float64(i % 7)
		b.Data[i] = float64(i % 5)
		c.Data[i] = float64(i % 3)
	}
	if !Equal(Mul(Mul(a, b), c), Mul(a, Mul(b, c))) {
		t.Fatal("(ab)c != a(bc)")
	}
	if !Equal(Mul(a, Identity(n)), a) {
		t.Fatal("aI != a")
	}
}
