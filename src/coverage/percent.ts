import type {Summary} from './model.js'

/**
 * Formats covered/total as Go's `fmt.Sprintf("%.1f", 100*float64(covered)/float64(total))`:
 * the same float64 operations, then rounding of the EXACT binary value to one decimal with ties
 * to even. JavaScript's toFixed(1) rounds exact ties away from zero (31.25 -> "31.3" where Go
 * prints "31.2"), so the rounding is done here on the exact rational value of the double.
 * A total of 0 gives "0.0", as `go tool cover -func` prints it.
 */
export function formatPercent(covered: number, total: number): string {
  if (total === 0) return '0.0'
  return formatOneDecimal((100 * covered) / total)
}

/**
 * What `go test -cover` prints after "coverage: " for a package: `12.2% of statements`, or
 * `[no statements]` when it has none (Go 1.22+ print `0.0% of statements` for a package without
 * tests that has statements: its blocks are in the profile with count 0, which this matches).
 */
export function formatGoTestCoverage(statements: {covered: number; total: number}): string {
  return statements.total === 0 ? '[no statements]' : `${formatPercent(statements.covered, statements.total)}% of statements`
}

/** The one-decimal percentage as a number (what report.json stores). */
export function percentValue(covered: number, total: number): number {
  if (total === 0) return 0
  const tenths = roundedTenths((100 * covered) / total)
  return tenths >= 0 ? tenths / 10 : Number(formatPercent(covered, total))
}

export function summary(covered: number, total: number): Summary {
  return {covered, total, percent: percentValue(covered, total)}
}

/** Adds summaries by their counts (never by averaging percentages). */
export function addSummaries(parts: Iterable<Summary>): Summary {
  let covered = 0
  let total = 0
  for (const part of parts) {
    covered += part.covered
    total += part.total
  }
  return summary(covered, total)
}

/**
 * Go's `%.1f` of any finite double: exact decimal rounding, ties to even. A double is
 * mantissa * 2^exponent; ten times it, split into an integer quotient and a remainder over the
 * power of two, decides the rounding without any floating-point error.
 */
export function formatOneDecimal(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const quick = roundedTenths(value)
  if (quick >= 0) return `${Math.floor(quick / 10)}.${quick % 10}`
  const negative = value < 0 || Object.is(value, -0)
  const {mantissa, exponent} = decompose(Math.abs(value))
  let tenths: bigint
  if (exponent >= 0) {
    tenths = mantissa * 10n * (1n << BigInt(exponent))
  } else {
    const denominator = 1n << BigInt(-exponent)
    const numerator = mantissa * 10n
    const quotient = numerator / denominator
    const twiceRemainder = (numerator % denominator) * 2n
    const roundUp = twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)
    tenths = roundUp ? quotient + 1n : quotient
  }
  const digits = tenths.toString().padStart(2, '0')
  return `${negative ? '-' : ''}${digits.slice(0, -1)}.${digits.slice(-1)}`
}

/**
 * Ten times `value` rounded to an integer, when floating point gives it exactly; else -1 (the
 * exact path decides). Nearly every value is far from a tie: ten times it, computed in floating
 * point, is within 2^-40 of the exact product for values under 2^10, so only a fraction within
 * 2^-20 of one half could round either way. Percentages are such values, and a report computes
 * one per file (a million files, a million percentages).
 */
function roundedTenths(value: number): number {
  if (!(value >= 0 && value < 1024) || Object.is(value, -0)) return -1
  const scaled = value * 10
  const whole = Math.floor(scaled)
  const fraction = scaled - whole
  if (Math.abs(fraction - 0.5) <= NEAR_TIE) return -1
  return fraction > 0.5 ? whole + 1 : whole
}

const NEAR_TIE = 2 ** -20

/** Splits a non-negative finite double into an integer mantissa and a power-of-two exponent. */
function decompose(value: number): {mantissa: bigint; exponent: number} {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, value)
  const bits = view.getBigUint64(0)
  const biasedExponent = Number((bits >> 52n) & 0x7ffn)
  const fraction = bits & ((1n << 52n) - 1n)
  if (biasedExponent === 0) return {mantissa: fraction, exponent: -1074}
  return {mantissa: fraction | (1n << 52n), exponent: biasedExponent - 1075}
}
