import type {FileLine} from '../coverage/model.js'

export interface LineRange {
  file: string
  startLine: number
  endLine: number
}

/**
 * Groups uncovered lines into runs of consecutive lines per file, so one warning marks a block
 * instead of one per line; returns at most `limit` ranges and how many lines were left out.
 */
export function uncoveredRanges(lines: readonly FileLine[], limit: number): {ranges: LineRange[]; omittedLines: number} {
  const sorted = [...lines].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1))
  const ranges: LineRange[] = []
  for (const {file, line} of sorted) {
    const last = ranges[ranges.length - 1]
    if (last && last.file === file && line <= last.endLine + 1) last.endLine = Math.max(last.endLine, line)
    else ranges.push({file, startLine: line, endLine: line})
  }
  const kept = ranges.slice(0, limit)
  const omittedLines = ranges.slice(limit).reduce((n, r) => n + r.endLine - r.startLine + 1, 0)
  return {ranges: kept, omittedLines}
}
