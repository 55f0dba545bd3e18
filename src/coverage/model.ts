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
 * Every block of a profile, column by column: block i is (startLine[i], startCol[i], ...). Columns
 * rather than one object per block because a profile of a million blocks then takes 28 MB
 * instead of about 150 MB (bench/coverage); `blocksOf` gives the objects.
 */
export interface BlockColumns {
  startLine: Int32Array
  startCol: Int32Array
  endLine: Int32Array
  endCol: Int32Array
  numStmt: Int32Array
  count: Float64Array
}

/**
 * One file's blocks: blocks [start, start + length) of the profile's columns, sorted by position.
 * A file costs this small object and its name, so a profile naming a million files stays cheap.
 */
export interface FileBlocks {
  file: string
  start: number
  length: number
}

/** A parsed Go profile: identical blocks merged, files sorted by name, each file's blocks by position. */
export interface Profile {
  mode: CoverMode
  files: FileBlocks[]
  blocks: BlockColumns
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
  const {startLine, startCol, endLine, endCol, numStmt, count} = profile.blocks
  const blocks: Block[] = []
  for (const f of profile.files) {
    for (let i = f.start; i < f.start + f.length; i++) {
      blocks.push({
        file: f.file,
        startLine: startLine[i] as number,
        startCol: startCol[i] as number,
        endLine: endLine[i] as number,
        endCol: endCol[i] as number,
        numStmt: numStmt[i] as number,
        count: count[i] as number
      })
    }
  }
  return blocks
}

/**
 * The last line of which a block covers at least one character: the rule every line-based figure
 * (line coverage, like-for-like, merged lines, LCOV, diff coverage, annotations) follows. Go's end
 * column is exclusive, so a block that ends at column 1 covers nothing of its end line: Go 1.27
 * ends an if-body's block at column 1 of the `} else {` line (`lfl.go:7.3,8.1`), a line only the
 * else block's start touches. A block that ends where it starts (Go 1.27's empty function body,
 * `f.go:50.15,50.15`) covers no line at all: the result is then below startLine.
 */
export function lastLineOf(startLine: number, startCol: number, endLine: number, endCol: number): number {
  if (endLine > startLine) return endCol <= 1 ? endLine - 1 : endLine
  return endLine === startLine && endCol > startCol ? endLine : startLine - 1
}

/** How many lines a block covers a character of (0 for one that covers none). */
export function lineSpanOf(startLine: number, startCol: number, endLine: number, endCol: number): number {
  return Math.max(0, lastLineOf(startLine, startCol, endLine, endCol) - startLine + 1)
}

/** The lines a profile's blocks cover in all, a line counted once per block that covers it. */
export function linesCovered(profile: Profile): number {
  const {startLine, startCol, endLine, endCol} = profile.blocks
  let lines = 0
  for (let i = 0; i < startLine.length; i++) lines += lineSpanOf(startLine[i] as number, startCol[i] as number, endLine[i] as number, endCol[i] as number)
  return lines
}

/**
 * How many lines the blocks of one profile may cover in all (counting a line once per block that
 * covers it): 2^20, plus 16 per block. Real Go code averages about 3 lines a block (the standard
 * library packages html, net/url, encoding/json, text/template, go/parser, go/printer, regexp/syntax,
 * strconv and unicode/utf8: 6,553 blocks, 20,329 lines), and its longest blocks hold long composite
 * literals (html/entity.go: 2 statements over 2,239 lines), which the 2^20 lines allowed to any
 * profile absorb; so no statement count bounds a block, but a profile's lines are bounded by its
 * size. Line-derived data costs in proportion to these lines, so it stays in proportion to the
 * profile, whatever numbers a damaged or hostile profile holds (`m.go:1.1,2147483647.1`).
 */
export function lineBudget(blocks: number): number {
  return LINES_PER_PROFILE + LINES_PER_BLOCK * blocks
}

const LINES_PER_PROFILE = 1 << 20
const LINES_PER_BLOCK = 16
