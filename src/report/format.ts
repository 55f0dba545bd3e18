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
