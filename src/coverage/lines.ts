import type {Breakdown, LineCoverage, Profile} from './model.js'
import {compareStrings} from './order.js'
import {breakdown} from './summary.js'

/** The typed arrays DenseLines keeps hits in: the narrowest that holds a file's highest count. */
export type HitsArray = Uint8Array | Uint16Array | Uint32Array | Float64Array

/**
 * One file's line hits over a range of lines, in a typed array, iterated in line order. A line
 * that is not instrumented holds NaN in a Float64Array, or the type's highest value in the
 * narrower integer arrays that lineCoverage uses when the counts fit (hits are mostly 0 or 1, so
 * mostly a byte a line instead of 8). It is a ReadonlyMap, so callers need not know; a
 * million-block profile's lines take a small part of the memory Map entries would.
 */
export class DenseLines implements ReadonlyMap<number, number> {
  /** The value that marks a line not instrumented (NaN for a Float64Array). */
  private readonly missing: number

  constructor(
    private readonly first: number,
    private readonly hits: HitsArray,
    readonly size: number
  ) {
    this.missing = hits instanceof Float64Array ? NaN : (hits instanceof Uint8Array ? 0xff : hits instanceof Uint16Array ? 0xffff : 0xffffffff)
  }

  get(line: number): number | undefined {
    const hits = this.hits[line - this.first]
    return hits === undefined || hits === this.missing || Number.isNaN(hits) ? undefined : hits
  }

  has(line: number): boolean {
    return this.get(line) !== undefined
  }

  /** How many instrumented lines have hits above 0 (what summarizeLines counts), without iterating entries. */
  coveredCount(): number {
    let covered = 0
    const missing = this.missing
    for (let i = 0; i < this.hits.length; i++) {
      const hits = this.hits[i] as number
      if (hits > 0 && hits !== missing) covered++
    }
    return covered
  }

  forEach(callback: (hits: number, line: number, map: ReadonlyMap<number, number>) => void, thisArg?: unknown): void {
    for (const [line, hits] of this.entries()) callback.call(thisArg, hits, line, this)
  }

  *entries(): MapIterator<[number, number]> {
    for (let i = 0; i < this.hits.length; i++) {
      const hits = this.hits[i] as number
      if (hits !== this.missing && !Number.isNaN(hits)) yield [this.first + i, hits]
    }
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

/**
 * Collects the highest hits per line of one file into a DenseLines. It gathers them in a
 * Float64Array shared by all files of one call (`scratch`), then keeps them in the narrowest
 * array that holds the highest count, so the peak holds one wide array, not one per file.
 */
class LinesBuilder {
  private readonly hits: Float64Array

  constructor(
    private readonly first: number,
    last: number,
    scratch: Scratch
  ) {
    const length = last - first + 1
    if (scratch.hits.length < length) scratch.hits = new Float64Array(Math.max(length, scratch.hits.length * 2))
    this.hits = scratch.hits.subarray(0, length)
    this.hits.fill(NaN)
  }

  add(from: number, to: number, hits: number): void {
    for (let line = from; line <= to; line++) {
      const i = line - this.first
      const seen = this.hits[i] as number
      if (Number.isNaN(seen) || hits > seen) this.hits[i] = hits
    }
  }

  finish(): DenseLines {
    let size = 0
    let highest = 0
    let integers = true
    for (let i = 0; i < this.hits.length; i++) {
      const hits = this.hits[i] as number
      if (Number.isNaN(hits)) continue
      size++
      if (hits > highest) highest = hits
      if (hits < 0 || !Number.isInteger(hits)) integers = false
    }
    const Narrow = !integers ? Float64Array : highest < 0xff ? Uint8Array : highest < 0xffff ? Uint16Array : highest < 0xffffffff ? Uint32Array : Float64Array
    const kept = new Narrow(this.hits.length)
    if (kept instanceof Float64Array) kept.set(this.hits)
    else {
      const missing = Narrow === Uint8Array ? 0xff : Narrow === Uint16Array ? 0xffff : 0xffffffff
      for (let i = 0; i < this.hits.length; i++) {
        const hits = this.hits[i] as number
        kept[i] = Number.isNaN(hits) ? missing : hits
      }
    }
    return new DenseLines(this.first, kept, size)
  }
}

/** The wide array LinesBuilder gathers in, reused from file to file. */
interface Scratch {
  hits: Float64Array
}

/** A Map for the rare file whose lines are few and far apart (a dense array would be mostly holes). */
class SparseLinesBuilder {
  private readonly hits = new Map<number, number>()

  add(from: number, to: number, hits: number): void {
    for (let line = from; line <= to; line++) {
      const seen = this.hits.get(line)
      if (seen === undefined || hits > seen) this.hits.set(line, hits)
    }
  }

  finish(): ReadonlyMap<number, number> {
    return new Map([...this.hits].sort(([a], [b]) => a - b))
  }
}

function linesBuilder(first: number, last: number, lines: number, scratch: Scratch): LinesBuilder | SparseLinesBuilder {
  return last - first + 1 > 64 + 16 * lines ? new SparseLinesBuilder() : new LinesBuilder(first, last, scratch)
}

/**
 * Line coverage of a profile: a block covers the lines startLine..endLine; a line is instrumented
 * when a block covers it, and its hits are the highest count of those blocks.
 */
export function lineCoverage(profile: Profile): LineCoverage {
  const files = new Map<string, ReadonlyMap<number, number>>()
  const scratch: Scratch = {hits: new Float64Array(0)}
  for (const f of profile.files) {
    if (f.length === 0) continue
    let first = Infinity
    let last = 0
    let spans = 0
    for (let i = 0; i < f.length; i++) {
      const startLine = f.startLine[i] as number
      const endLine = f.endLine[i] as number
      if (startLine < first) first = startLine
      if (endLine > last) last = endLine
      spans += Math.max(0, endLine - startLine) + 1
    }
    const builder = linesBuilder(first, Math.max(first, last), spans, scratch)
    for (let i = 0; i < f.length; i++) builder.add(f.startLine[i] as number, f.endLine[i] as number, f.count[i] as number)
    files.set(f.file, builder.finish())
  }
  return files
}

/**
 * The line-based union of several line coverages (the merged view of all versions): a line is
 * instrumented when any input instruments it, and its hits are the highest of the inputs, so a
 * line run once under each of four versions reads 1, not 4 (and `set` profiles stay 0 or 1).
 */
export function mergeLineCoverage(inputs: readonly LineCoverage[]): LineCoverage {
  const names = [...new Set(inputs.flatMap(input => [...input.keys()]))].sort(compareStrings)
  const files = new Map<string, ReadonlyMap<number, number>>()
  const scratch: Scratch = {hits: new Float64Array(0)}
  for (const name of names) {
    const parts = inputs.map(input => input.get(name)).filter(part => part !== undefined && part.size > 0) as ReadonlyMap<number, number>[]
    if (parts.length === 0) continue
    let first = Infinity
    let last = 0
    for (const part of parts) {
      for (const line of part.keys()) {
        first = Math.min(first, line)
        last = Math.max(last, line)
      }
    }
    const builder = linesBuilder(first, last, parts.reduce((n, part) => n + part.size, 0), scratch)
    for (const part of parts) for (const [line, hits] of part) builder.add(line, line, hits)
    files.set(name, builder.finish())
  }
  return files
}

/** Instrumented and covered lines per file, per package and in total. */
export function summarizeLines(lines: LineCoverage): Breakdown {
  const files = new Map<string, {covered: number; total: number}>()
  for (const [file, hitsByLine] of lines) {
    let covered = 0
    if (hitsByLine instanceof DenseLines) covered = hitsByLine.coveredCount()
    else for (const hits of hitsByLine.values()) if (hits > 0) covered++
    files.set(file, {covered, total: hitsByLine.size})
  }
  return breakdown(files)
}
