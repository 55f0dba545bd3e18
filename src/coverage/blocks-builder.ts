import type {Block, BlockColumns, CoverMode, FileBlocks, Profile} from './model.js'

/**
 * What adding a block did: ADDED when it was stored or merged into an identical one; otherwise the
 * statement count of the identical block already there, which differs (a number rather than an
 * object, because this runs once per profile line).
 */
export type AddResult = number
export const ADDED = -1

/**
 * Collects blocks into a Profile, merging identical ones (same file and range) as Go does: `set`
 * ORs counts, `count` and `atomic` sum them.
 *
 * Every block of every file goes into one set of columns, in the order blocks arrive; a file is
 * its name and a few numbers (its first block, how many, its greatest block so far), so a profile
 * of a million one-block files costs a million small entries, not a million sets of arrays.
 *
 * Go writes a file's blocks together and in position order, so while a block comes after the
 * greatest of its file it is new and is appended with no lookup. The first block that does not
 * (a repeat, as `-coverpkg` writes one per test binary, or an out-of-order block) builds an index
 * of every block by file and range, through which identical blocks are found from then on. A
 * profile of distinct blocks never builds one, which saves its memory. When every file's blocks
 * arrived together and in order (what Go writes), `finish` hands out the columns as they are;
 * otherwise it gathers each file's blocks into one sorted run.
 */
export class ProfileBuilder {
  /** Blocks stored. */
  length = 0
  /** What the last `add` did: the block it stored or merged into, and whether it merged. */
  lastBlock = -1
  merged = false

  /**
   * How many blocks the profile will likely hold, when the caller can tell (the parser projects it
   * from the bytes read so far and the profile's size): growing to it at once, rather than by
   * doubling, leaves fewer outgrown columns waiting for a collection (at a million blocks, 28 MB
   * of them, which put the peak over twice the profile's size).
   */
  expectedBlocks: (() => number) | undefined

  private readonly orCounts: boolean
  private startLine!: Int32Array
  private startCol!: Int32Array
  private endLine!: Int32Array
  private endCol!: Int32Array
  private numStmt!: Int32Array
  private count!: Float64Array

  private readonly ids = new Map<string, number>()
  private readonly names: string[] = []
  /** Per file: its first block, its number of blocks, and its greatest block (by position). */
  private fileFirst = new Int32Array(16)
  private fileCount = new Int32Array(16)
  private fileMax = new Int32Array(16)
  /** Per file: 1 while its blocks are one run in position order. */
  private fileInOrder = new Uint8Array(16)
  /** Whether some file's blocks are not one run in position order (finish must gather them). */
  private scattered = false
  /** The file of the block appended last. */
  private lastAppended = -1
  /** Each block's file: kept from the first moment it is needed (an index, or a scattered file). */
  private fileOf: Int32Array | undefined
  /** The index: block + 1 per slot (0: empty), a power of two at most half full. */
  private slots: Int32Array | undefined

  constructor(readonly mode: CoverMode) {
    this.orCounts = mode === 'set'
    this.allocate(16)
  }

  /**
   * The id of a file by name (created at its first block). A name is copied before it is kept (a
   * caller's string may be a slice of a much larger one, which it would keep alive), unless the
   * caller says it is `fresh` (the parser decodes each name from bytes).
   */
  fileId(name: string, fresh = false): number {
    let id = this.ids.get(name)
    if (id === undefined) {
      id = this.names.length
      const kept = fresh ? name : Buffer.from(name, 'utf8').toString('utf8')
      this.names.push(kept)
      this.ids.set(kept, id)
      if (id === this.fileFirst.length) this.growFiles()
      this.fileCount[id] = 0
      this.fileInOrder[id] = 1
    }
    return id
  }

  add(file: string, startLine: number, startCol: number, endLine: number, endCol: number, numStmt: number, count: number): AddResult {
    return this.addTo(this.fileId(file), startLine, startCol, endLine, endCol, numStmt, count)
  }

  addBlock(b: Block): AddResult {
    return this.add(b.file, b.startLine, b.startCol, b.endLine, b.endCol, b.numStmt, b.count)
  }

  /** Whether a block of file `id` with this range is new for certain: it comes after every block of its file. */
  isNew(id: number, startLine: number, startCol: number, endLine: number, endCol: number): boolean {
    return this.fileCount[id] === 0 || this.after(this.fileMax[id] as number, startLine, startCol, endLine, endCol)
  }

  /** Adds a block to file `id` (from `fileId`): appended when new, else merged into the identical one. */
  addTo(id: number, startLine: number, startCol: number, endLine: number, endCol: number, numStmt: number, count: number): AddResult {
    if (this.fileCount[id] === 0 || this.after(this.fileMax[id] as number, startLine, startCol, endLine, endCol)) {
      this.append(id, startLine, startCol, endLine, endCol, numStmt, count, true)
      return ADDED
    }
    const found = this.find(id, startLine, startCol, endLine, endCol)
    if (found >= 0) {
      if (this.numStmt[found] !== numStmt) return this.numStmt[found] as number
      this.addCount(found, count)
      this.lastBlock = found
      this.merged = true
      return ADDED
    }
    this.append(id, startLine, startCol, endLine, endCol, numStmt, count, false)
    return ADDED
  }

  /** Merges `count` into block i (an identical block came again). */
  addCount(i: number, count: number): void {
    const seen = this.count[i] as number
    this.count[i] = this.orCounts ? orCounts(seen, count) : seen + count
  }

  /** Whether the range comes after block i's, in position order. */
  private after(i: number, startLine: number, startCol: number, endLine: number, endCol: number): boolean {
    return ((this.startLine[i] as number) - startLine || (this.startCol[i] as number) - startCol || (this.endLine[i] as number) - endLine || (this.endCol[i] as number) - endCol) < 0
  }

  private append(id: number, startLine: number, startCol: number, endLine: number, endCol: number, numStmt: number, count: number, greatest: boolean): void {
    const i = this.length
    if (i === this.startLine.length) this.growColumns()
    this.startLine[i] = startLine
    this.startCol[i] = startCol
    this.endLine[i] = endLine
    this.endCol[i] = endCol
    this.numStmt[i] = numStmt
    this.count[i] = count
    this.length++
    this.lastBlock = i
    this.merged = false
    const blocks = this.fileCount[id] as number
    if (blocks === 0) this.fileFirst[id] = i
    else if (this.fileInOrder[id] === 1 && (!greatest || this.lastAppended !== id)) this.scatter(id)
    this.fileCount[id] = blocks + 1
    if (greatest) this.fileMax[id] = i
    this.lastAppended = id
    if (this.fileOf !== undefined) this.fileOf[i] = id
    if (this.slots !== undefined) {
      if (this.length * 2 > this.slots.length) this.rehash(this.slots.length * 2)
      else this.place(i)
    }
  }

  /** File `id`'s blocks stop being one run in order: from now on each block's file is kept. */
  private scatter(id: number): void {
    this.fileInOrder[id] = 0
    this.scattered = true
    this.keepFiles()
  }

  /** Starts keeping each block's file; until now every file's blocks were one run, so they are known. */
  private keepFiles(): void {
    if (this.fileOf !== undefined) return
    this.fileOf = new Int32Array(this.startLine.length)
    for (let id = 0; id < this.names.length; id++) {
      const first = this.fileFirst[id] as number
      // The block being appended is not counted yet: fill the file's earlier blocks only.
      this.fileOf.fill(id, first, first + (this.fileCount[id] as number))
    }
  }

  private find(id: number, startLine: number, startCol: number, endLine: number, endCol: number): number {
    if (this.slots === undefined) {
      this.keepFiles()
      this.rehash(tableSize(this.length))
    }
    const slots = this.slots as Int32Array
    const fileOf = this.fileOf as Int32Array
    const mask = slots.length - 1
    for (let slot = hashBlock(id, startLine, startCol, endLine, endCol) & mask; ; slot = (slot + 1) & mask) {
      const i = (slots[slot] as number) - 1
      if (i < 0) return -1
      if (
        this.startLine[i] === startLine &&
        this.startCol[i] === startCol &&
        this.endLine[i] === endLine &&
        this.endCol[i] === endCol &&
        fileOf[i] === id
      ) {
        return i
      }
    }
  }

  private place(i: number): void {
    const slots = this.slots as Int32Array
    const mask = slots.length - 1
    let slot =
      hashBlock((this.fileOf as Int32Array)[i] as number, this.startLine[i] as number, this.startCol[i] as number, this.endLine[i] as number, this.endCol[i] as number) &
      mask
    while (slots[slot] !== 0) slot = (slot + 1) & mask
    slots[slot] = i + 1
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size)
    for (let i = 0; i < this.length; i++) this.place(i)
  }

  /**
   * The profile: files by name, each file's blocks by position. When every file's blocks arrived
   * as one run in order, the columns are handed out as views of the builder's own storage (no
   * copy); otherwise each file's blocks are gathered and sorted into new columns.
   */
  finish(): Profile {
    const n = this.length
    // The default sort compares strings by code units, as compareStrings does, and much faster
    // than through a comparator: a profile may name a million files.
    const order = [...this.names].sort().map(name => this.ids.get(name) as number)
    const columns = (): BlockColumns => ({
      startLine: this.startLine.subarray(0, n),
      startCol: this.startCol.subarray(0, n),
      endLine: this.endLine.subarray(0, n),
      endCol: this.endCol.subarray(0, n),
      numStmt: this.numStmt.subarray(0, n),
      count: this.count.subarray(0, n)
    })
    if (!this.scattered) {
      const files = order.map((id): FileBlocks => ({file: this.names[id] as string, start: this.fileFirst[id] as number, length: this.fileCount[id] as number}))
      return {mode: this.mode, files, blocks: columns()}
    }
    // Counting sort of the blocks by their file's rank, then each scattered file's run by position.
    const fileOf = this.fileOf as Int32Array
    const starts = new Int32Array(this.names.length)
    let at = 0
    for (const id of order) {
      starts[id] = at
      at += this.fileCount[id] as number
    }
    const files = order.map((id): FileBlocks => ({file: this.names[id] as string, start: starts[id] as number, length: this.fileCount[id] as number}))
    const next = Int32Array.from(starts)
    const permutation = new Int32Array(n)
    for (let i = 0; i < n; i++) permutation[(next[fileOf[i] as number] as number)++] = i
    const byPosition = (a: number, b: number): number =>
      (this.startLine[a] as number) - (this.startLine[b] as number) ||
      (this.startCol[a] as number) - (this.startCol[b] as number) ||
      (this.endLine[a] as number) - (this.endLine[b] as number) ||
      (this.endCol[a] as number) - (this.endCol[b] as number)
    for (const id of order) {
      if (this.fileInOrder[id] === 0) permutation.subarray(starts[id] as number, (starts[id] as number) + (this.fileCount[id] as number)).sort(byPosition)
    }
    const blocks = columns()
    return {
      mode: this.mode,
      files,
      blocks: {
        startLine: permute(blocks.startLine, permutation),
        startCol: permute(blocks.startCol, permutation),
        endLine: permute(blocks.endLine, permutation),
        endCol: permute(blocks.endCol, permutation),
        numStmt: permute(blocks.numStmt, permutation),
        count: permute(blocks.count, permutation)
      }
    }
  }

  /**
   * Grows to the expected size (between 1.25 and 4 times), else doubles: the outgrown columns
   * stay allocated until the next collection, and of plain growth factors doubling leaves the
   * least of them (measured against growing by half, which leaves twice the final size).
   */
  private growColumns(): void {
    const old = [this.startLine, this.startCol, this.endLine, this.endCol, this.numStmt] as const
    const count = this.count
    const capacity = this.startLine.length
    const expected = this.expectedBlocks?.() ?? 0
    this.allocate(expected > capacity ? Math.min(4 * capacity, Math.max(Math.ceil(1.25 * capacity), expected)) : 2 * capacity)
    ;[this.startLine, this.startCol, this.endLine, this.endCol, this.numStmt].forEach((column, i) => column.set(old[i] as Int32Array))
    this.count.set(count)
    if (this.fileOf !== undefined) this.fileOf = grow(this.fileOf, this.startLine.length)
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

  private growFiles(): void {
    const size = this.fileFirst.length * 2
    this.fileFirst = grow(this.fileFirst, size)
    this.fileCount = grow(this.fileCount, size)
    this.fileMax = grow(this.fileMax, size)
    const inOrder = new Uint8Array(size)
    inOrder.set(this.fileInOrder)
    this.fileInOrder = inOrder
  }
}

/** A 32-bit hash of a block's file and range (the low bits pick the slot, so they mix all five). */
function hashBlock(file: number, startLine: number, startCol: number, endLine: number, endCol: number): number {
  let hash = Math.imul(file, 0x9e3779b1) ^ startLine
  hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b) + startCol
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35) + endLine
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b) + endCol
  hash ^= hash >>> 15
  return Math.imul(hash, 0x2c1b3c6d) ^ (hash >>> 12)
}

/** The smallest power of two at least twice `entries` (the table stays at most half full). */
function tableSize(entries: number): number {
  let slots = 1024
  while (slots < entries * 2 + 2) slots *= 2
  return slots
}

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
