import {formatOneDecimal} from '../coverage/percent.js'
import type {Summary} from '../coverage/model.js'

/**
 * The difference of two coverages in percentage points, one decimal (Go's rounding), computed
 * from the counts rather than from the already rounded percentages. 0 when either total is 0.
 */
export function pointsDelta(current: Summary, previous: Summary): number {
  if (current.total === 0 || previous.total === 0) return 0
  const value = (100 * current.covered) / current.total - (100 * previous.covered) / previous.total
  // Number() turns Go's "-0.0" into -0; report 0 for it.
  return Number(formatOneDecimal(value)) + 0
}
