import type {Block, CoverMode, FileBlocks, Profile} from './model.js'
import {compareStrings} from './order.js'

/**
 * What adding a block did: OK when it was stored or merged into an identical one; otherwise the
 * statement count of the identical block already there, which differs (a number rather than an
 * object, because this runs once per profile line).
 */
export type AddResult = number
export const ADDED = -1

/**
 * Collects blocks into a Profile, merging identical ones (same file and range) as Go does:
 * `set` ORs counts, `count` and `atomic` sum them. Storage is columnar and grows by doubling.
 */
export class ProfileBuilder {
  private readonly files = new Map<string, FileBuilder>()

  constructor(readonly mode: CoverMode) {}

  add(file: string, startLine: number, startCol: number, endLine: number, endCol: number, numStmt: number, count: number): AddResult {
    return this.file(file).add(startLine, startCol, endLine, endCol, numStmt, count)
  }

  /** The builder of one file's blocks (a parser keeps it while lines name the same file). */
  file(file: string): FileBuilder {
    let builder = this.files.get(file)
    if (builder === undefined) {
      // A fresh copy: a caller's string may be a slice of a much larger one, which it would keep alive.
      const name = Buffer.from(file, 'utf8').toString('utf8')
      builder = new FileBuilder(name, this.mode === 'set')
      this.files.set(name, builder)
    }
    return builder
  }

  addBlock(b: Block): AddResult {
    return this.add(b.file, b.startLine, b.startCol, b.endLine, b.endCol, b.numStmt, b.count)
  }

  finish(): Profile {
    const names = [...this.files.keys()].sort(compareStrings)
    return {mode: this.mode, files: names.map(name => (this.files.get(name) as FileBuilder).finish())}
  }
}

/**
 * One file's blocks, merged as they arrive. Go writes a file's blocks in position order, so
 * while each block comes after the one before, it is new and is appended with no lookup. The
 * first block that does not (a repeat, or an out-of-order block) builds an index of block chains
 * by start line, through which identical blocks are found from then on. A profile of distinct
 * blocks never builds one, which saves its memory (4 bytes a block and 4 per source line).
 */
export class FileBuilder {
  private length = 0
  private startLine!: Int32Array
  private startCol!: Int32Array
  private endLine!: Int32Array
  private endCol!: Int32Array
  private numStmt!: Int32Array
  private count!: Float64Array
  /** The index: the previous block with the same start line (index + 1; 0 ends the chain). */
  private next: Int32Array | undefined
  /** The index: the latest block starting on each line (index + 1; 0 for none). */
  private head = new Int32Array(0)
  /** The same for start lines past HEAD_LIMIT, which only odd or hostile profiles have. */
  private farHead: Map<number, number> | undefined
  /** Whether blocks arrived in order so far, which spares sorting at the end. */
  private sorted = true
  /** What the last `add` did: the index of the block it stored or merged into, and whether it merged. */
  lastBlock = -1
  merged = false

  constructor(
    readonly file: string,
    private readonly orCounts: boolean
  ) {
    this.allocate(16)
  }

  add(startLine: number, startCol: number, endLine: number, endCol: number, numStmt: number, count: number): AddResult {
    const last = this.length - 1
    if (this.next === undefined) {
      if (
        last < 0 ||
        ((this.startLine[last] as number) - startLine || (this.startCol[last] as number) - startCol || (this.endLine[last] as number) - endLine || (this.endCol[last] as number) - endCol) < 0
      ) {
        this.append(startLine, startCol, endLine, endCol, numStmt, count)
        return ADDED
      }
      this.buildIndex()
    }
    return this.addIndexed(startLine, startCol, endLine, endCol, numStmt, count)
  }

  /** `add` once blocks are indexed (the lookup, kept apart so that `add`, run per line, stays small). */
  private addIndexed(startLine: number, startCol: number, endLine: number, endCol: number, numStmt: number, count: number): AddResult {
    const last = this.length - 1
    const far = startLine >= HEAD_LIMIT
    const first = far ? (this.farHead?.get(startLine) ?? 0) : startLine < this.head.length ? (this.head[startLine] as number) : 0
    for (let i = first - 1; i >= 0; i = ((this.next as Int32Array)[i] as number) - 1) {
      if (this.startCol[i] !== startCol || this.endLine[i] !== endLine || this.endCol[i] !== endCol) continue
      if (this.numStmt[i] !== numStmt) return this.numStmt[i] as number
      this.addCount(i, count)
      this.lastBlock = i
      this.merged = true
      return ADDED
    }
    if (this.sorted && last >= 0) {
      this.sorted =
        ((this.startLine[last] as number) - startLine || (this.startCol[last] as number) - startCol || (this.endLine[last] as number) - endLine || (this.endCol[last] as number) - endCol) < 0
    }
    this.append(startLine, startCol, endLine, endCol, numStmt, count)
    this.indexBlock(this.length - 1)
    return ADDED
  }

  /** Merges `count` into block i (an identical block came again). */
  addCount(i: number, count: number): void {
    const seen = this.count[i] as number
    this.count[i] = this.orCounts ? orCounts(seen, count) : seen + count
  }

  private append(startLine: number, startCol: number, endLine: number, endCol: number, numStmt: number, count: number): void {
    const i = this.length
    this.lastBlock = i
    this.merged = false
    if (i === this.startLine.length) this.growColumns()
    this.startLine[i] = startLine
    this.startCol[i] = startCol
    this.endLine[i] = endLine
    this.endCol[i] = endCol
    this.numStmt[i] = numStmt
    this.count[i] = count
    this.length++
  }

  private buildIndex(): void {
    this.next = new Int32Array(this.startLine.length)
    for (let i = 0; i < this.length; i++) this.indexBlock(i)
  }

  /** Puts block i at the front of its start line's chain. */
  private indexBlock(i: number): void {
    const next = this.next as Int32Array
    const startLine = this.startLine[i] as number
    if (startLine >= HEAD_LIMIT) {
      const map = (this.farHead ??= new Map())
      next[i] = map.get(startLine) ?? 0
      map.set(startLine, i + 1)
      return
    }
    if (startLine >= this.head.length) this.head = grow(this.head, Math.min(HEAD_LIMIT, Math.max(startLine + 1, this.head.length * 2, 64)))
    next[i] = this.head[startLine] as number
    this.head[startLine] = i + 1
  }

  /**
   * The file's blocks in position order. Columns are handed out as views of the builder's own
   * storage (no copy), reordered one column at a time when blocks arrived out of order, so the
   * peak stays near one copy of the data.
   */
  finish(): FileBlocks {
    const n = this.length
    if (!this.sorted) {
      const order = Int32Array.from({length: n}, (_, i) => i)
      order.sort((a, b) => this.compare(a, b))
      this.startCol = permute(this.startCol, order)
      this.endLine = permute(this.endLine, order)
      this.endCol = permute(this.endCol, order)
      this.numStmt = permute(this.numStmt, order)
      this.count = permute(this.count, order)
      this.startLine = permute(this.startLine, order)
    }
    this.next = undefined
    this.head = new Int32Array(0)
    this.farHead = undefined
    return {
      file: this.file,
      length: n,
      startLine: this.startLine.subarray(0, n),
      startCol: this.startCol.subarray(0, n),
      endLine: this.endLine.subarray(0, n),
      endCol: this.endCol.subarray(0, n),
      numStmt: this.numStmt.subarray(0, n),
      count: this.count.subarray(0, n)
    }
  }

  private compare(a: number, b: number): number {
    return (
      (this.startLine[a] as number) - (this.startLine[b] as number) ||
      (this.startCol[a] as number) - (this.startCol[b] as number) ||
      (this.endLine[a] as number) - (this.endLine[b] as number) ||
      (this.endCol[a] as number) - (this.endCol[b] as number)
    )
  }

  /**
   * Doubles: the outgrown columns stay allocated until the next collection, and doubling leaves
   * the least of them (measured against growing by half, which leaves twice the final size).
   */
  private growColumns(): void {
    const old = [this.startLine, this.startCol, this.endLine, this.endCol, this.numStmt] as const
    const count = this.count
    this.allocate(this.startLine.length * 2)
    ;[this.startLine, this.startCol, this.endLine, this.endCol, this.numStmt].forEach((column, i) => column.set(old[i] as Int32Array))
    this.count.set(count)
    if (this.next !== undefined) this.next = grow(this.next, this.startLine.length)
  }

  /** All columns in one buffer: one allocation per growth instead of six (allocation dominated growing). */
  private allocate(capacity: number): void {
    const buffer = new ArrayBuffer(capacity * (8 + 5 * 4))
    this.count = new Float64Array(buffer, 0, capacity)
    const int32 = (k: number): Int32Array => new Int32Array(buffer, capacity * (8 + 4 * k), capacity)
    this.startLine = int32(0)
    this.startCol = int32(1)
    this.endLine = int32(2)
    this.endCol = int32(3)
    this.numStmt = int32(4)
  }
}

/** Start lines below this are indexed in an array (4 MB at most per file), the rest in a Map. */
const HEAD_LIMIT = 1 << 20

function grow<T extends Int32Array | Float64Array>(column: T, size: number): T {
  const out = new (column.constructor as new (n: number) => T)(size)
  out.set(column)
  return out
}

function permute<T extends Int32Array | Float64Array>(column: T, order: Int32Array): T {
  const out = new (column.constructor as new (n: number) => T)(order.length)
  for (let k = 0; k < order.length; k++) out[k] = column[order[k] as number] as number
  return out
}

/** Go ORs the counts of a `set` profile bitwise; they are 0 or 1 in practice. */
function orCounts(a: number, b: number): number {
  return a <= 0x7fffffff && b <= 0x7fffffff ? a | b : Math.max(a, b)
}

/** Builds a profile from block objects (tests, small inputs), merging identical blocks. */
export function profileOf(mode: CoverMode, blocks: Iterable<Block>): Profile {
  const builder = new ProfileBuilder(mode)
  for (const b of blocks) {
    const result = builder.addBlock(b)
    if (result !== ADDED) {
      throw new Error(`block ${b.file}:${b.startLine}.${b.startCol},${b.endLine}.${b.endCol} has ${b.numStmt} and ${result} statements`)
    }
  }
  return builder.finish()
}
