// Package matrix multiplies dense square matrices.
package matrix

// Matrix is a dense n×n matrix in row-major order.
type Matrix struct {
	N    int
	Data []float64
}

// New returns an n×n zero matrix.
func New(n int) Matrix { return Matrix{N: n, Data: make([]float64, n*n)} }

// Identity returns the n×n identity matrix.
func Identity(n int) Matrix {
	m := New(n)
	for i := 0; i < n; i++ {
		m.Data[i*n+i] = 1
	}
	return m
}

// Mul returns a×b.
func Mul(a, b Matrix) Matrix {
	n := a.N
	c := New(n)
	for i := 0; i < n; i++ {
		for k := 0; k < n; k++ {
			aik := a.Data[i*n+k]
			if aik == 0 {
				continue
			}
			for j := 0; j < n; j++ {
				c.Data[i*n+j] += aik * b.Data[k*n+j]
			}
		}
	}
	return c
}

// Equal reports whether a and b have the same entries.
func Equal(a, b Matrix) bool {
	if a.N != b.N {
		return false
	}
	for i := range a.Data {
		if a.Data[i] != b.Data[i] {
			return false
		}
	}
	return true
}
