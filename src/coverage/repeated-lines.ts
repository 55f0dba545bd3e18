import type {ProfileBuilder} from './blocks-builder.js'
import {CR, DIGIT_0, DIGIT_9, NEWLINE, SPACE, copyWords, hashStoredWords, hashWords, sameWords, wordCount} from './byte-words.js'

/**
 * The block lines that came more than once, by their text up to the count (file, range and
 * statement count, as bytes), each with the block it merged into: the parser's fast path. A
 * profile written by `go test -coverpkg=./...` over N test binaries repeats every block N times,
 * in the same order each time; a repeated line then costs one compare of its bytes with the line
 * expected next, and the count's digits, instead of parsing five numbers and comparing its file
 * name (bench/coverage). A line that is not the one expected is looked up by a hash of its bytes.
 *
 * Only lines that merged are kept, so a profile of distinct blocks costs nothing here, and what
 * is kept is smaller than the lines that repeat it (each kept line came at least twice). Open
 * addressing with linear probing; entries are never removed.
 */
export class RepeatedLines {
  /** Entries kept. */
  size = 0
  /**
   * Whether entries can be looked up: the hash table is built at the first repeat (`position`).
   * Until then no line can be found here that the full parse would not merge anyway, and a
   * profile of distinct blocks never pays for hashing.
   */
  indexed = false
  /** Entry index + 1 per slot (0: empty); the length is a power of two, at most half full. */
  private slots: Int32Array = new Int32Array(1024)
  private hashes: Int32Array = new Int32Array(256)
  /** Where each entry's key starts in `words`, and its length in bytes. */
  private keyAt: Int32Array = new Int32Array(256)
  private keyLength: Int32Array = new Int32Array(256)
  private blocks: Int32Array = new Int32Array(256)
  /** The entry that came after each one the last time it was found (at first, the next one kept). */
  private successor: Int32Array = new Int32Array(256)
  /** The keys' bytes, as words (byte-words.ts), one after the other. */
  private words: Int32Array = new Int32Array(4096)
  private wordsUsed = 0
  /** The entry found last, and the one expected next (its successor); -1 before the first is found. */
  private lastFound = -1
  private next = -1
  /** The hash of the last key looked up, and where that key was. */
  private hashed = 0
  private hashedBytes: Uint8Array | undefined
  private hashedStart = 0
  private hashedEnd = 0

  /**
   * The entry expected next, or -1. Nothing is expected before a first repeat was found, so that
   * the parser's fast path first runs where it succeeds (code compiled while it only failed would
   * be thrown away at the first success).
   */
  expected(): number {
    const entry = this.next
    return entry < this.size ? entry : -1
  }

  /** The length in bytes of an entry's key. */
  length(entry: number): number {
    return this.keyLength[entry] as number
  }

  /** Whether bytes[start, end) is the key of `entry`. */
  matches(entry: number, view: DataView, bytes: Uint8Array, start: number, end: number): boolean {
    return this.keyLength[entry] === end - start && sameWords(view, bytes, start, end, this.words, this.keyAt[entry] as number)
  }

  /**
   * At a repeat the full parse found (and merged): builds the table if it is not yet, and if
   * bytes[start, end) is kept, expects next the entry that came after it; returns whether it is.
   */
  position(view: DataView, bytes: Uint8Array, start: number, end: number): boolean {
    const entry = this.indexAndFind(view, bytes, start, end)
    if (entry < 0) return false
    this.lastFound = entry
    this.next = this.successor[entry] as number
    return true
  }

  /** Builds the table if it is not yet, and returns the entry whose key is bytes[start, end), or -1. */
  indexAndFind(view: DataView, bytes: Uint8Array, start: number, end: number): number {
    if (!this.indexed) {
      this.indexed = true
      for (let entry = 0; entry < this.size; entry++) {
        this.hashes[entry] = hashStoredWords(this.words, this.keyAt[entry] as number, this.keyLength[entry] as number)
      }
      this.rehash(Math.max(1024, tableSize(this.size)))
    }
    return this.lookUp(view, bytes, start, end)
  }

  /** The entry whose key is bytes[start, end), or -1: the expected one, else by hash. */
  find(view: DataView, bytes: Uint8Array, start: number, end: number): number {
    const expected = this.next
    if (expected >= 0 && expected < this.size && this.matches(expected, view, bytes, start, end)) return expected
    return this.lookUp(view, bytes, start, end)
  }

  /** How many lines the last `run` merged (the parser counts lines with it). */
  ran = 0

  /**
   * The parser's fastest path: while the line at bytes[from] is the entry expected next (its key
   * compared in words where the line starts, then a count and the line break), merges its count
   * and goes on, without looking for the line break first. Returns where the first other line
   * starts. A loop of its own with no calls but the merge, so that it runs fast before V8 has
   * optimized it and is compiled early (on-stack replacement) rather than with the whole parser.
   */
  run(view: DataView, bytes: Uint8Array, from: number, end: number, builder: ProfileBuilder): number {
    const keyAt = this.keyAt
    const keyLength = this.keyLength
    const successor = this.successor
    const words = this.words
    let entry = this.next
    let lines = 0
    for (;;) {
      if (entry < 0 || entry >= this.size) break
      const length = keyLength[entry] as number
      const space = from + length
      if (space >= end || bytes[space] !== SPACE) break
      // The key, four bytes at a time, then its last 1-3 bytes (sameWords, written out).
      let k = from
      let w = keyAt[entry] as number
      for (; k + 4 <= space; k += 4, w++) if (view.getInt32(k, true) !== words[w]) break
      if (k + 4 <= space) break
      if (k < space) {
        let tail = 0
        for (let t = space - 1; t >= k; t--) tail = (tail << 8) | (bytes[t] as number)
        if (tail !== words[w]) break
      }
      let i = space + 1
      let count = 0
      for (; i < end; i++) {
        const c = bytes[i] as number
        if (c < DIGIT_0 || c > DIGIT_9) break
        count = count * 10 + (c - DIGIT_0)
      }
      const digits = i - space - 1
      if (digits === 0 || digits > 15) break
      if (i < end && bytes[i] === CR) i++
      if (i >= end || bytes[i] !== NEWLINE) break
      // addCount, written out.
      if (this.lastFound >= 0) successor[this.lastFound] = entry
      this.lastFound = entry
      builder.addCount(this.blocks[entry] as number, count)
      entry = successor[entry] as number
      lines++
      from = i + 1
    }
    this.next = entry
    this.ran = lines
    return from
  }

  /** Merges `count` into the block of `entry`, and expects the same entry next as came after it now. */
  addCount(entry: number, count: number, builder: ProfileBuilder): void {
    if (this.lastFound >= 0) this.successor[this.lastFound] = entry
    this.lastFound = entry
    this.next = this.successor[entry] as number
    builder.addCount(this.blocks[entry] as number, count)
  }

  private lookUp(view: DataView, bytes: Uint8Array, start: number, end: number): number {
    const hash = hashWords(view, bytes, start, end)
    this.hashed = hash
    this.hashedBytes = bytes
    this.hashedStart = start
    this.hashedEnd = end
    const mask = this.slots.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] as number) - 1
      if (entry < 0) return -1
      if (this.hashes[entry] === hash && this.matches(entry, view, bytes, start, end)) return entry
    }
  }

  /** Keeps bytes[start, end) as the key of `block` (the caller found it missing). */
  add(view: DataView, bytes: Uint8Array, start: number, end: number, block: number): void {
    const entry = this.size
    if (entry === this.hashes.length) this.growEntries()
    const words = wordCount(end - start)
    if (this.wordsUsed + words > this.words.length) this.words = grown(this.words, Math.max(this.words.length * 2, this.wordsUsed + words))
    copyWords(view, bytes, start, end, this.words, this.wordsUsed)
    this.keyAt[entry] = this.wordsUsed
    this.keyLength[entry] = end - start
    this.blocks[entry] = block
    this.successor[entry] = entry + 1
    this.wordsUsed += words
    this.size++
    if (!this.indexed) return
    // A line is kept right after its lookup missed: its hash is known.
    const hash = bytes === this.hashedBytes && start === this.hashedStart && end === this.hashedEnd ? this.hashed : hashWords(view, bytes, start, end)
    this.hashedBytes = undefined
    this.hashes[entry] = hash
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2)
    else this.place(entry, hash)
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1
    let slot = hash & mask
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask
    this.slots[slot] = entry + 1
  }

  private rehash(slots: number): void {
    this.slots = new Int32Array(slots)
    for (let entry = 0; entry < this.size; entry++) this.place(entry, this.hashes[entry] as number)
  }

  private growEntries(): void {
    const capacity = this.hashes.length * 2
    this.hashes = grown(this.hashes, capacity)
    this.keyAt = grown(this.keyAt, capacity)
    this.keyLength = grown(this.keyLength, capacity)
    this.blocks = grown(this.blocks, capacity)
    this.successor = grown(this.successor, capacity)
  }
}

/** The smallest power of two at least twice `entries` (the table stays at most half full). */
function tableSize(entries: number): number {
  let slots = 1
  while (slots < entries * 2 + 1) slots *= 2
  return slots
}

function grown(column: Int32Array, capacity: number): Int32Array {
  const out = new Int32Array(capacity)
  out.set(column)
  return out
}
