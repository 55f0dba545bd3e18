package mathx

import "testing"

func TestClamp(t *testing.T) {
	if got := Clamp(5, 0, 3); got != 3 {
		t.Fatalf("Clamp(5, 0, 3) = %d", got)
	}
	if got := Clamp(-1, 0, 3); got != 0 {
		t.Fatalf("Clamp(-1, 0, 3) = %d", got)
	}
}

func TestSum(t *testing.T) {
	if got := Sum(1, 2, 3); got != 6 {
		t.Fatalf("Sum = %d", got)
	}
}
