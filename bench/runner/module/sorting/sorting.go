// Package sorting implements merge sort and heap sort on ints.
package sorting

// MergeSort sorts xs in place.
func MergeSort(xs []int) {
	if len(xs) < 2 {
		return
	}
	buf := make([]int, len(xs))
	mergeSort(xs, buf)
}

func mergeSort(xs, buf []int) {
	if len(xs) < 2 {
		return
	}
	mid := len(xs) / 2
	mergeSort(xs[:mid], buf[:mid])
	mergeSort(xs[mid:], buf[mid:])
	i, j, k := 0, mid, 0
	for i < mid && j < len(xs) {
		if xs[j] < xs[i] {
			buf[k] = xs[j]
			j++
		} else {
			buf[k] = xs[i]
			i++
		}
		k++
	}
	k += copy(buf[k:], xs[i:mid])
	copy(buf[k:], xs[j:])
	copy(xs, buf[:len(xs)])
}

// HeapSort sorts xs in place.
func HeapSort(xs []int) {
	for i := len(xs)/2 - 1; i >= 0; i-- {
		siftDown(xs, i, len(xs))
	}
	for end := len(xs) - 1; end > 0; end-- {
		xs[0], xs[end] = xs[end], xs[0]
		siftDown(xs, 0, end)
	}
}

func siftDown(xs []int, i, n int) {
	for {
		child := 2*i + 1
		if child >= n {
			return
		}
		if child+1 < n && xs[child+1] > xs[child] {
			child++
		}
		if xs[i] >= xs[child] {
			return
		}
		xs[i], xs[child] = xs[child], xs[i]
		i = child
	}
}
