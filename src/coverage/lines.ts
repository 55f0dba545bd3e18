import type {Breakdown, LineCoverage, Profile} from './model.js'
import {compareStrings} from './order.js'
import {breakdown} from './summary.js'

/**
 * One file's line hits over a range of lines, in a typed array (NaN: not instrumented), iterated
 * in line order. It is a ReadonlyMap, so callers need not know; a million-block profile's lines
 * take a tenth of the memory Map entries would.
 */
export class DenseLines implements ReadonlyMap<number, number> {
  constructor(
    private readonly first: number,
    private readonly hits: Float64Array,
    readonly size: number
  ) {}

  get(line: number): number | undefined {
    const hits = this.hits[line - this.first]
    return hits === undefined || Number.isNaN(hits) ? undefined : hits
  }

  has(line: number): boolean {
    return this.get(line) !== undefined
  }

  forEach(callback: (hits: number, line: number, map: ReadonlyMap<number, number>) => void, thisArg?: unknown): void {
    for (const [line, hits] of this.entries()) callback.call(thisArg, hits, line, this)
  }

  *entries(): MapIterator<[number, number]> {
    for (let i = 0; i < this.hits.length; i++) {
      const hits = this.hits[i] as number
      if (!Number.isNaN(hits)) yield [this.first + i, hits]
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

/** Collects the highest hits per line of one file into a DenseLines. */
class LinesBuilder {
  private readonly hits: Float64Array

  constructor(
    private readonly first: number,
    last: number
  ) {
    this.hits = new Float64Array(last - first + 1).fill(NaN)
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
    for (const hits of this.hits) if (!Number.isNaN(hits)) size++
    return new DenseLines(this.first, this.hits, size)
  }
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

function linesBuilder(first: number, last: number, lines: number): LinesBuilder | SparseLinesBuilder {
  return last - first + 1 > 64 + 16 * lines ? new SparseLinesBuilder() : new LinesBuilder(first, last)
}

/**
 * Line coverage of a profile: a block covers the lines startLine..endLine; a line is instrumented
 * when a block covers it, and its hits are the highest count of those blocks.
 */
export function lineCoverage(profile: Profile): LineCoverage {
  const files = new Map<string, ReadonlyMap<number, number>>()
  for (const f of profile.files) {
    if (f.length === 0) continue
    let first = Infinity
    let last = 0
    for (let i = 0; i < f.length; i++) {
      first = Math.min(first, f.startLine[i] as number)
      last = Math.max(last, f.endLine[i] as number)
    }
    let spans = 0
    for (let i = 0; i < f.length; i++) spans += Math.max(0, (f.endLine[i] as number) - (f.startLine[i] as number)) + 1
    const builder = linesBuilder(first, Math.max(first, last), spans)
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
    const builder = linesBuilder(first, last, parts.reduce((n, part) => n + part.size, 0))
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
    for (const hits of hitsByLine.values()) if (hits > 0) covered++
    files.set(file, {covered, total: hitsByLine.size})
  }
  return breakdown(files)
}
