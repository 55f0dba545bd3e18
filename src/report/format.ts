/** Number formats shared by every renderer. */

/** A percentage already rounded to one decimal (report.json numbers), printed with its sign. */
export function signed(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return '—'
  if (delta === 0) return '0.0'
  return `${delta > 0 ? '+' : '−'}${Math.abs(delta).toFixed(1)}`
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(1)}%`
}

export function seconds(value: number): string {
  if (value < 60) return `${value.toFixed(1)} s`
  const m = Math.floor(value / 60)
  return `${m} min ${Math.round(value - m * 60)} s`
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** Ascending line numbers as ranges: 3, 4, 5, 9 reads "3–5, 9". */
export function lineRanges(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b)
  const ranges: string[] = []
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++
    ranges.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`)
    i = j + 1
  }
  return ranges.join(', ')
}
