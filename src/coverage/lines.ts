import {CoverageError, lastLineOf, lineBudget} from './model.js'
import type {Breakdown, LineCoverage, Profile} from './model.js'
import {breakdown} from './summary.js'
import type {FileCounts} from './summary.js'

/** The typed arrays a LineTable keeps hits in: the narrowest that holds the highest count. */
export type HitsArray = Uint8Array | Uint16Array | Uint32Array | Float64Array

/**
 * Line coverage of many files in a few shared arrays: per file its name, where its lines start in
 * `hits` and how they are laid out, and how many are instrumented and covered. A file whose lines
 * lie close together (nearly every file) is a dense run of hits from its first line to its last;
 * a file whose lines are few and far apart keeps its line numbers beside its hits. A line that is
 * not instrumented holds the array's highest value (NaN for a Float64Array). Hits are mostly 0
 * or 1, so mostly a byte a line, and a file costs 28 bytes beside its name: a profile naming a
 * million files stays cheap.
 *
 * It is a ReadonlyMap of ReadonlyMaps (LineCoverage), so callers need not know; `get` hands out a
 * small view of one file.
 */
export class LineTable implements ReadonlyMap<string, ReadonlyMap<number, number>> {
  /** The value that marks a slot whose line is not instrumented (NaN for a Float64Array). */
  readonly missing: number

  constructor(
    /** Files, sorted by name. */
    private readonly names: readonly string[],
    /** Dense files: the line of their first slot; sparse files: -1. */
    private readonly first: Int32Array,
    /** Where a file's slots start in `hits`, and how many it has. */
    private readonly at: Int32Array,
    private readonly width: Int32Array,
    /** Sparse files: where their line numbers start in `lineNumbers` (one per slot); dense files: -1. */
    private readonly linesAt: Int32Array,
    /** Instrumented and covered lines per file. */
    private readonly sizes: Int32Array,
    private readonly covered: Int32Array,
    private readonly hits: HitsArray,
    private readonly lineNumbers: Int32Array
  ) {
    this.missing = missingOf(hits)
  }

  get size(): number {
    return this.names.length
  }

  /** The index of a file, or -1. */
  indexOf(file: string): number {
    let lo = 0
    let hi = this.names.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.names[mid] as string) < file) lo = mid + 1
      else hi = mid
    }
    return lo < this.names.length && this.names[lo] === file ? lo : -1
  }

  get(file: string): FileLines | undefined {
    const index = this.indexOf(file)
    return index < 0 ? undefined : new FileLines(this, index)
  }

  has(file: string): boolean {
    return this.indexOf(file) >= 0
  }

  /** Instrumented and covered lines of every file (what summarizeLines counts), without iterating them. */
  fileCounts(): FileCounts {
    return {names: this.names, covered: this.covered, totals: this.sizes}
  }

  nameAt(index: number): string {
    return this.names[index] as string
  }

  sizeAt(index: number): number {
    return this.sizes[index] as number
  }

  /** The hits of `line` in file `index`, or undefined when it is not instrumented. */
  hitsAt(index: number, line: number): number | undefined {
    const at = this.at[index] as number
    const width = this.width[index] as number
    let slot: number
    const linesAt = this.linesAt[index] as number
    if (linesAt < 0) {
      slot = line - (this.first[index] as number)
      if (!(slot >= 0 && slot < width)) return undefined
    } else {
      // Sparse: binary search of the file's line numbers.
      let lo = linesAt
      let hi = linesAt + width
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if ((this.lineNumbers[mid] as number) < line) lo = mid + 1
        else hi = mid
      }
      if (lo === linesAt + width || this.lineNumbers[lo] !== line) return undefined
      slot = lo - linesAt
    }
    const hits = this.hits[at + slot] as number
    return hits === this.missing || hits !== hits ? undefined : hits
  }

  /** Calls `each(line, hits)` for every instrumented line of file `index`, in line order. */
  forEachLine(index: number, each: (line: number, hits: number) => void): void {
    const at = this.at[index] as number
    const width = this.width[index] as number
    const linesAt = this.linesAt[index] as number
    const first = this.first[index] as number
    const missing = this.missing
    for (let slot = 0; slot < width; slot++) {
      const hits = this.hits[at + slot] as number
      if (hits === missing || hits !== hits) continue
      each(linesAt < 0 ? first + slot : (this.lineNumbers[linesAt + slot] as number), hits)
    }
  }

  forEach(callback: (lines: ReadonlyMap<number, number>, file: string, map: ReadonlyMap<string, ReadonlyMap<number, number>>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.names.length; i++) callback.call(thisArg, new FileLines(this, i), this.names[i] as string, this)
  }

  *entries(): MapIterator<[string, ReadonlyMap<number, number>]> {
    for (let i = 0; i < this.names.length; i++) yield [this.names[i] as string, new FileLines(this, i)]
  }

  *keys(): MapIterator<string> {
    yield* this.names
  }

  *values(): MapIterator<ReadonlyMap<number, number>> {
    for (let i = 0; i < this.names.length; i++) yield new FileLines(this, i)
  }

  [Symbol.iterator](): MapIterator<[string, ReadonlyMap<number, number>]> {
    return this.entries()
  }
}

/** One file of a LineTable: its instrumented lines and their hits, in line order. */
export class FileLines implements ReadonlyMap<number, number> {
  constructor(
    private readonly table: LineTable,
    private readonly index: number
  ) {}

  get size(): number {
    return this.table.sizeAt(this.index)
  }

  get(line: number): number | undefined {
    return this.table.hitsAt(this.index, line)
  }

  has(line: number): boolean {
    return this.get(line) !== undefined
  }

  forEach(callback: (hits: number, line: number, map: ReadonlyMap<number, number>) => void, thisArg?: unknown): void {
    this.table.forEachLine(this.index, (line, hits) => callback.call(thisArg, hits, line, this))
  }

  /** Calls `each(line, hits)` for every instrumented line, in line order. */
  eachLine(each: (line: number, hits: number) => void): void {
    this.table.forEachLine(this.index, each)
  }

  *entries(): MapIterator<[number, number]> {
    const pairs: [number, number][] = []
    this.table.forEachLine(this.index, (line, hits) => pairs.push([line, hits]))
    yield* pairs
  }

  *keys(): MapIterator<number> {
    for (const [line] of this.entries()) yield line
  }

  *values(): MapIterator<number> {
    for (const [, hits] of this.entries()) yield hits
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries()
  }
}

function missingOf(hits: HitsArray): number {
  return hits instanceof Float64Array ? NaN : hits instanceof Uint8Array ? 0xff : hits instanceof Uint16Array ? 0xffff : 0xffffffff
}

/** The narrowest hits array for counts up to `highest` (all integers, or not). */
function hitsArrayFor(highest: number, integers: boolean): new (length: number) => HitsArray {
  if (!integers) return Float64Array
  return highest < 0xff ? Uint8Array : highest < 0xffff ? Uint16Array : highest < 0xffffffff ? Uint32Array : Float64Array
}

/**
 * Builds a LineTable file by file. Each file first says which lines it spans (`plan`: the first
 * and last line of its blocks and how many lines they cover in all, each block's lines counted
 * once per block), so that every array is allocated once at its final size; then its blocks are
 * added, each a run of lines with one count, and a line keeps the highest.
 */
class TableBuilder {
  private readonly names: string[] = []
  /** Per planned file: the first and last line of its blocks, and the lines they cover in all. */
  private readonly firstLines: Int32Array
  private readonly lastLines: Int32Array
  private readonly spans: Float64Array
  private table: {
    first: Int32Array
    at: Int32Array
    width: Int32Array
    linesAt: Int32Array
    sizes: Int32Array
    covered: Int32Array
    hits: HitsArray
    lineNumbers: Int32Array
  } | undefined
  private file = -1
  /** A sparse file's lines and hits while it is built (dense files write in place). */
  private sparse = new Map<number, number>()

  constructor(
    /** How many files at most will be planned. */
    capacity: number,
    private readonly highest: number,
    private readonly integers: boolean
  ) {
    this.firstLines = new Int32Array(capacity)
    this.lastLines = new Int32Array(capacity)
    this.spans = new Float64Array(capacity)
  }

  /** Declares the next file (names in sorted order): its lines lie in [first, last], `lines` in all. */
  plan(name: string, first: number, last: number, lines: number): void {
    const i = this.names.length
    this.names.push(name)
    this.firstLines[i] = first
    this.lastLines[i] = last
    this.spans[i] = lines
  }

  /** Allocates the table once every file is planned; files are then filled in the same order. */
  allocate(): void {
    const n = this.names.length
    const first = new Int32Array(n)
    const at = new Int32Array(n)
    const width = new Int32Array(n)
    const linesAt = new Int32Array(n)
    let slots = 0
    let sparseSlots = 0
    for (let i = 0; i < n; i++) {
      const lines = this.spans[i] as number
      const range = (this.lastLines[i] as number) - (this.firstLines[i] as number) + 1
      at[i] = slots
      // A dense array only where it would be mostly full: a file whose lines are few and far
      // apart (a generated file, a hand-made profile) keeps its line numbers instead.
      if (range <= 64 + 16 * lines) {
        first[i] = this.firstLines[i] as number
        width[i] = range
        linesAt[i] = -1
        slots += range
      } else {
        first[i] = -1
        width[i] = lines
        linesAt[i] = sparseSlots
        sparseSlots += lines
        slots += lines
      }
    }
    const Hits = hitsArrayFor(this.highest, this.integers)
    const hits = new Hits(slots)
    hits.fill(missingOf(hits))
    this.table = {first, at, width, linesAt, sizes: new Int32Array(n), covered: new Int32Array(n), hits, lineNumbers: new Int32Array(sparseSlots)}
  }

  /** Starts filling the next file. */
  next(): void {
    this.file++
    this.sparse.clear()
  }

  /** Lines from..to of the current file ran `hits` times (a line keeps the highest). */
  add(from: number, to: number, hits: number): void {
    const t = this.table as NonNullable<TableBuilder['table']>
    const file = this.file
    if ((t.linesAt[file] as number) >= 0) {
      for (let line = from; line <= to; line++) {
        const seen = this.sparse.get(line)
        if (seen === undefined || hits > seen) this.sparse.set(line, hits)
      }
      return
    }
    const array = t.hits
    const missing = missingOf(array)
    const base = (t.at[file] as number) - (t.first[file] as number)
    for (let line = from; line <= to; line++) {
      const seen = array[base + line] as number
      if (seen === missing || seen !== seen || hits > seen) array[base + line] = hits
    }
  }

  /** Ends the current file: counts its lines (and lays out a sparse file's). */
  end(): void {
    const t = this.table as NonNullable<TableBuilder['table']>
    const file = this.file
    const at = t.at[file] as number
    const linesAt = t.linesAt[file] as number
    if (linesAt >= 0) {
      const lines = [...this.sparse.keys()].sort((a, b) => a - b)
      lines.forEach((line, k) => {
        t.lineNumbers[linesAt + k] = line
        t.hits[at + k] = this.sparse.get(line) as number
      })
      t.width[file] = lines.length
    }
    const missing = missingOf(t.hits)
    let size = 0
    let covered = 0
    for (let slot = at; slot < at + (t.width[file] as number); slot++) {
      const hits = t.hits[slot] as number
      if (hits === missing || hits !== hits) continue
      size++
      if (hits > 0) covered++
    }
    t.sizes[file] = size
    t.covered[file] = covered
  }

  finish(): LineTable {
    const t = this.table as NonNullable<TableBuilder['table']>
    return new LineTable(this.names, t.first, t.at, t.width, t.linesAt, t.sizes, t.covered, t.hits, t.lineNumbers)
  }
}

/**
 * Line coverage of a profile: a block covers the lines it covers a character of (startLine to
 * lastLineOf); a line is instrumented when a block covers it, and its hits are the highest count
 * of those blocks. It costs in proportion to the lines the blocks cover, which is bounded by
 * the profile's size (lineBudget; the parser refuses a profile beyond it, and so does this for
 * one built otherwise).
 */
export function lineCoverage(profile: Profile): LineCoverage {
  const {startLine, startCol, endLine, endCol, count} = profile.blocks
  const files = profile.files
  let highest = 0
  let integers = true
  let lines = 0
  let blocks = 0
  const firstLines = new Int32Array(files.length)
  const lastLines = new Int32Array(files.length)
  const spans = new Float64Array(files.length)
  files.forEach((f, k) => {
    let first = 0x7fffffff
    let last = -1
    let fileLines = 0
    for (let i = f.start; i < f.start + f.length; i++) {
      const from = startLine[i] as number
      const to = lastLineOf(from, startCol[i] as number, endLine[i] as number, endCol[i] as number)
      if (to < from) continue
      if (from < first) first = from
      if (to > last) last = to
      fileLines += to - from + 1
      const hits = count[i] as number
      if (hits > highest) highest = hits
      if (hits < 0 || !Number.isInteger(hits)) integers = false
    }
    firstLines[k] = first
    lastLines[k] = last
    spans[k] = fileLines
    lines += fileLines
    blocks += f.length
  })
  if (lines > lineBudget(blocks)) {
    throw new CoverageError(`the profile's blocks cover ${lines} lines in all, more than the ${lineBudget(blocks)} a profile of ${blocks} blocks can: it does not describe real source files`)
  }
  const builder = new TableBuilder(files.length, highest, integers)
  files.forEach((f, k) => {
    if ((spans[k] as number) > 0) builder.plan(f.file, firstLines[k] as number, lastLines[k] as number, spans[k] as number)
  })
  builder.allocate()
  files.forEach((f, k) => {
    if (spans[k] === 0) return
    builder.next()
    for (let i = f.start; i < f.start + f.length; i++) {
      const from = startLine[i] as number
      builder.add(from, lastLineOf(from, startCol[i] as number, endLine[i] as number, endCol[i] as number), count[i] as number)
    }
    builder.end()
  })
  return builder.finish()
}

/**
 * The line-based union of several line coverages (the merged view of all versions): a line is
 * instrumented when any input instruments it, and its hits are the highest of the inputs, so a
 * line run once under each of four versions reads 1, not 4 (and `set` profiles stay 0 or 1).
 */
export function mergeLineCoverage(inputs: readonly LineCoverage[]): LineCoverage {
  if (inputs.length === 1) return inputs[0] as LineCoverage
  const parts = filesOf(inputs)
  let highest = 0
  let integers = true
  const bounds = parts.map(({found}) => {
    let first = Infinity
    let last = -Infinity
    let lines = 0
    for (const part of found) {
      eachLine(part, (line, hits) => {
        if (line < first) first = line
        if (line > last) last = line
        if (hits > highest) highest = hits
        if (hits < 0 || !Number.isInteger(hits)) integers = false
      })
      lines += part.size
    }
    return {first, last, lines}
  })
  const builder = new TableBuilder(parts.length, highest, integers)
  parts.forEach((p, k) => {
    const b = bounds[k] as {first: number; last: number; lines: number}
    builder.plan(p.name, b.first, b.last, b.lines)
  })
  builder.allocate()
  for (const p of parts) {
    builder.next()
    for (const part of p.found) eachLine(part, (line, hits) => builder.add(line, line, hits))
    builder.end()
  }
  return builder.finish()
}

/**
 * Every file of the inputs that has lines, by name, with its lines in each input that has them.
 * Line tables are walked side by side (their files are sorted); other maps are looked up.
 */
function filesOf(inputs: readonly LineCoverage[]): {name: string; found: ReadonlyMap<number, number>[]}[] {
  const result: {name: string; found: ReadonlyMap<number, number>[]}[] = []
  if (inputs.every(input => input instanceof LineTable)) {
    const tables = inputs as readonly LineTable[]
    const at = tables.map(() => 0)
    for (;;) {
      let name: string | undefined
      tables.forEach((t, k) => {
        const i = at[k] as number
        if (i < t.size && (name === undefined || t.nameAt(i) < name)) name = t.nameAt(i)
      })
      if (name === undefined) return result
      const found: ReadonlyMap<number, number>[] = []
      tables.forEach((t, k) => {
        const i = at[k] as number
        if (i < t.size && t.nameAt(i) === name) {
          if (t.sizeAt(i) > 0) found.push(new FileLines(t, i))
          at[k] = i + 1
        }
      })
      if (found.length > 0) result.push({name, found})
    }
  }
  // Default sort: code-unit order, as compareStrings, and much faster than a comparator on a million names.
  const names = inputs.flatMap(input => [...input.keys()]).sort()
  names.forEach((name, k) => {
    if (k > 0 && names[k - 1] === name) return
    const found = inputs.map(input => input.get(name)).filter(part => part !== undefined && part.size > 0) as ReadonlyMap<number, number>[]
    if (found.length > 0) result.push({name, found})
  })
  return result
}

/** Calls `each(line, hits)` for every line of one file's coverage, without an iterator for a LineTable's. */
function eachLine(lines: ReadonlyMap<number, number>, each: (line: number, hits: number) => void): void {
  if (lines instanceof FileLines) lines.eachLine(each)
  else for (const [line, hits] of lines) each(line, hits)
}

/** Instrumented and covered lines per file, per package and in total. */
export function summarizeLines(lines: LineCoverage): Breakdown {
  if (lines instanceof LineTable) return breakdown(lines.fileCounts())
  const names: string[] = []
  const covered: number[] = []
  const totals: number[] = []
  for (const [file, hitsByLine] of lines) {
    let c = 0
    for (const hits of hitsByLine.values()) if (hits > 0) c++
    names.push(file)
    covered.push(c)
    totals.push(hitsByLine.size)
  }
  return breakdown({names, covered, totals})
}
