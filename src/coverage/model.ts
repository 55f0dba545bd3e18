/**
 * The coverage model: a Go profile of blocks, and the summaries computed from it. Everything in
 * src/coverage and src/compare works on these plain values.
 */

/** Go's cover modes, as the `mode:` line of a profile names them. */
export type CoverMode = 'set' | 'count' | 'atomic'

export const COVER_MODES: readonly CoverMode[] = ['set', 'count', 'atomic']

/** One line of a Go profile: `file:startLine.startCol,endLine.endCol numStmt count`. */
export interface Block {
  /** The import path of the file, as Go writes it (`example.com/m/pkg/a.go`). */
  file: string
  startLine: number
  startCol: number
  endLine: number
  endCol: number
  numStmt: number
  count: number
}

/**
 * One file's blocks, column by column: block i is (startLine[i], startCol[i], ...), sorted by
 * position. Columns rather than one object per block because a profile of a million blocks then
 * takes 28 MB instead of about 150 MB (bench/coverage); `blocksOf` gives the objects.
 */
export interface FileBlocks {
  file: string
  length: number
  startLine: Int32Array
  startCol: Int32Array
  endLine: Int32Array
  endCol: Int32Array
  numStmt: Int32Array
  count: Float64Array
}

/** A parsed Go profile: identical blocks merged, files sorted by name, blocks by position. */
export interface Profile {
  mode: CoverMode
  files: FileBlocks[]
}

/** Counts and their one-decimal percentage (Go's `%.1f`, as a number). */
export interface Summary {
  covered: number
  total: number
  percent: number
}

/** A summary with the name of what it counts (a package's import path, a file's path). */
export interface NamedSummary {
  name: string
  summary: Summary
}

/** One measure broken down the way reports show it: in total, per package, per file (sorted by name). */
export interface Breakdown {
  total: Summary
  packages: NamedSummary[]
  files: NamedSummary[]
}

/**
 * Line coverage: for each file, the hits of each instrumented line (the highest count of the
 * blocks covering it). A line with 0 hits is instrumented but not covered.
 */
export type LineCoverage = ReadonlyMap<string, ReadonlyMap<number, number>>

/** A file and line, as reports list uncovered lines. */
export interface FileLine {
  file: string
  line: number
}

/** Raised for input the engine cannot read; the message names the file and line. */
export class CoverageError extends Error {
  override name = 'CoverageError'
}

/** The package of a file: its import path's directory (`example.com/m/pkg/a.go` -> `example.com/m/pkg`). */
export function packageOf(file: string): string {
  const slash = file.lastIndexOf('/')
  return slash < 0 ? '.' : file.slice(0, slash)
}

/** The blocks of a profile as objects (small profiles, tests, callers that want plain data). */
export function blocksOf(profile: Profile): Block[] {
  const blocks: Block[] = []
  for (const f of profile.files) {
    for (let i = 0; i < f.length; i++) {
      blocks.push({
        file: f.file,
        startLine: f.startLine[i] as number,
        startCol: f.startCol[i] as number,
        endLine: f.endLine[i] as number,
        endCol: f.endCol[i] as number,
        numStmt: f.numStmt[i] as number,
        count: f.count[i] as number
      })
    }
  }
  return blocks
}
