// Package checksum computes Adler-32 and Fletcher-16 checksums.
package checksum

// Adler32 returns the Adler-32 checksum of data.
func Adler32(data []byte) uint32 {
	const mod = 65521
	a, b := uint32(1), uint32(0)
	for _, c := range data {
		a = (a + uint32(c)) % mod
		b = (b + a) % mod
	}
	return b<<16 | a
}

// Fletcher16 returns the Fletcher-16 checksum of data.
func Fletcher16(data []byte) uint16 {
	var s1, s2 uint16
	for _, c := range data {
		s1 = (s1 + uint16(c)) % 255
		s2 = (s2 + s1) % 255
	}
	return s2<<8 | s1
}
