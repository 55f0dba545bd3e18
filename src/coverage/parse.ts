import {ADDED, ProfileBuilder} from './blocks-builder.js'
import {CR, DIGIT_0, DIGIT_9, NEWLINE, SPACE, copyWords, sameWords, viewOf, wordCount} from './byte-words.js'
import {COVER_MODES, CoverageError, lineBudget, lineSpanOf, linesCovered} from './model.js'
import type {CoverMode, Profile} from './model.js'
import {RepeatedLines} from './repeated-lines.js'

const MODE_PREFIX = 'mode: '
const FORMAT = '"file:startLine.startCol,endLine.endCol numStmt count"'

/**
 * Parses a Go coverage profile one line at a time, so a profile of a million lines never has to
 * be one string. Strict where Go is (mode line, line format, negative counts: each error names
 * the source, the line number and the line) and lenient where users trip and nothing is lost:
 * CRLF line endings, trailing blank lines, and profiles concatenated with `cat` (a repeated
 * `mode:` line of the same mode). Identical blocks merge as Go's parser merges them: OR in `set`
 * mode, sum in `count` and `atomic`. A block that ends before it starts, and a profile whose
 * blocks cover more lines than its size allows (`lineBudget`), are errors naming the line, so
 * that what is derived from lines costs in proportion to the profile.
 *
 * It reads UTF-8 bytes in place (`lines`, `lineBytes`): no string per line, file names decoded
 * only when they change and compared four bytes at a time, and a line that came before (a block
 * that `-coverpkg` profiles repeat once per test binary) found whole by its bytes
 * (repeated-lines.ts). bench/coverage measures each of these.
 */
export class ProfileParser {
  private mode: CoverMode | undefined
  private builder: ProfileBuilder | undefined
  private lineNumber = 0
  /** A blank line is only allowed at the end or before a repeated mode line: remember where it was. */
  private blankLine = 0
  /** The file of the previous line (its id) and its name's bytes as words: consecutive lines mostly name the same file. */
  private lastFile = -1
  private lastName: Int32Array = new Int32Array(64)
  private lastNameLength = -1
  private repeated = new RepeatedLines()
  /**
   * Whether lines are looked up among the repeated ones: until MISS_LIMIT lines in a row were new
   * blocks (a profile of distinct blocks, which then pays nothing more), and again from the next
   * block that merges. While looking, the first EAGER_ENTRIES new blocks are kept at first sight,
   * so that the second test binary of a `-coverpkg` profile already takes the fast path.
   */
  private looking = true
  private misses = 0
  /** A DataView of the bytes being parsed, made again only when they are another buffer. */
  private bytes: Uint8Array | undefined
  private view: DataView = new DataView(new ArrayBuffer(0))

  /** The new block covering the most lines (of those spanning WIDE_BLOCK lines or more), with its line number and text. */
  private widest = {span: -1, lineNumber: 0, text: ''}

  /** Bytes of lines fed so far, to project how many blocks the profile holds (`size`). */
  private consumed = 0

  /** `size`: the profile's length in bytes, when known (the builder then grows to the size it projects). */
  constructor(
    private readonly source: string,
    private readonly size = 0
  ) {}

  /** Feeds one line, without its line break. */
  line(text: string): void {
    const bytes = Buffer.from(text, 'utf8')
    this.lineBytes(bytes, 0, bytes.length)
  }

  /** Feeds the line bytes[start, end) (UTF-8, without its line break). */
  lineBytes(bytes: Uint8Array, start: number, end: number): void {
    if (bytes !== this.bytes) this.useBytes(bytes)
    this.parseLine(bytes, start, end)
  }

  /**
   * Feeds every line of bytes[start, end) that ends with a line break, and returns where the
   * rest (an incomplete last line) begins. The loop over lines is here, next to the parsing,
   * so that the call per line is one the compiler can inline.
   */
  lines(bytes: Uint8Array, start: number, end: number): number {
    if (bytes !== this.bytes) this.useBytes(bytes)
    let from = start
    for (;;) {
      if (this.looking && this.blankLine === 0 && this.repeated.expected() >= 0) {
        const before = from
        from = this.repeated.run(this.view, bytes, from, end, this.builder as ProfileBuilder)
        this.consumed += from - before
        if (this.repeated.ran > 0) {
          this.lineNumber += this.repeated.ran
          this.misses = 0
        }
      }
      const lineBreak = bytes.indexOf(NEWLINE, from)
      if (lineBreak < 0 || lineBreak >= end) return from
      this.parseLine(bytes, from, lineBreak)
      from = lineBreak + 1
    }
  }

  private useBytes(bytes: Uint8Array): void {
    this.bytes = bytes
    this.view = viewOf(bytes)
  }

  private parseLine(bytes: Uint8Array, start: number, end: number): void {
    this.lineNumber++
    this.consumed += end - start + 1
    if (end > start && bytes[end - 1] === CR) end--
    if (isBlank(bytes, start, end)) {
      if (this.mode === undefined) this.fail(`expected "mode: set|count|atomic" as the first line`, bytes, start, end)
      if (this.blankLine === 0) this.blankLine = this.lineNumber
      return
    }
    if (bytes[start] === M && isModeLine(bytes, start, end)) {
      this.modeLine(decode(bytes, start, end))
      this.blankLine = 0
      return
    }
    if (this.mode === undefined) this.fail(`expected "mode: set|count|atomic" as the first line`, bytes, start, end)
    if (this.blankLine !== 0) {
      this.failAt(this.blankLine, 'blank line inside the profile (only trailing blank lines are allowed)', '')
    }
    if (!this.looking || !this.repeated.indexed || !this.repeatedLine(bytes, start, end)) this.blockLine(bytes, start, end)
  }

  /** Ends the input and returns the profile: identical blocks merged, sorted by file and position. */
  finish(): Profile {
    if (this.builder === undefined) {
      throw new CoverageError(`${this.source}: empty profile: expected "mode: set|count|atomic" as the first line`)
    }
    // Let go of the caller's bytes (a whole profile's text, for parseProfile).
    this.bytes = undefined
    this.view = new DataView(new ArrayBuffer(0))
    const profile = this.builder.finish()
    const lines = linesCovered(profile)
    const blocks = this.builder.length
    if (lines > lineBudget(blocks)) {
      const too = `the profile's blocks cover ${lines} lines in all, more than the ${lineBudget(blocks)} a profile of ${plural(blocks, 'block')} can (Go's blocks cover about 3 lines each)`
      const {lineNumber, span, text} = this.widest
      if (span < 0) throw new CoverageError(`${this.source}: ${too}: the profile does not describe real source files`)
      this.failAt(lineNumber, `${too}; this block alone covers ${span}: the profile does not describe real source files`, text)
    }
    return profile
  }

  private modeLine(text: string): void {
    const mode = text.startsWith(MODE_PREFIX) ? text.slice(MODE_PREFIX.length).trim() : ''
    if (!(COVER_MODES as readonly string[]).includes(mode)) {
      this.failAt(this.lineNumber, `bad mode line: expected "mode: set", "mode: count" or "mode: atomic"`, text)
    }
    if (this.mode !== undefined && this.mode !== mode) {
      this.failAt(this.lineNumber, `mode ${mode} differs from mode ${this.mode} of the lines above (profiles of different modes cannot be merged)`, text)
    }
    this.mode = mode as CoverMode
    if (this.builder === undefined) {
      const builder = new ProfileBuilder(this.mode)
      if (this.size > 0) builder.expectedBlocks = () => Math.ceil((1.05 * builder.length * this.size) / Math.max(1, this.consumed))
      this.builder = builder
    }
  }

  /** Parses `name:startLine.startCol,endLine.endCol numStmt count` from the right, so names may contain `:`. */
  private blockLine(bytes: Uint8Array, start: number, end: number): void {
    const scanned = scanBlockLine(bytes, start, end, FIELDS)
    if (scanned === NEGATIVE) {
      const text = decode(bytes, start, end)
      this.fail(`negative count ${text.slice(text.lastIndexOf(' ') + 1)}`, bytes, start, end)
    }
    if (scanned === BAD) this.fail(`expected ${FORMAT}`, bytes, start, end)
    const count = FIELDS[0] as number
    const numStmt = FIELDS[1] as number
    const endCol = FIELDS[2] as number
    const endLine = FIELDS[3] as number
    const startCol = FIELDS[4] as number
    const startLine = FIELDS[5] as number
    const colon = FIELDS[6] as number
    const countSpace = FIELDS[7] as number
    if (startLine > MAX_INT32 || startCol > MAX_INT32 || endLine > MAX_INT32 || endCol > MAX_INT32 || numStmt > MAX_INT32) {
      this.fail('line, column or statement number too large', bytes, start, end)
    }
    if (endLine < startLine || (endLine === startLine && endCol < startCol)) {
      this.fail('the block ends before it starts', bytes, start, end)
    }
    const builder = this.builder as ProfileBuilder
    let file = this.lastFile
    if (file < 0 || !this.sameName(bytes, start, colon)) {
      file = builder.fileId(decode(bytes, start, colon), true)
      this.lastFile = file
      this.rememberName(bytes, start, colon)
    }
    if (this.looking && !this.repeated.indexed && this.repeated.size > 0 && !builder.isNew(file, startLine, startCol, endLine, endCol)) {
      // The first repeat (a -coverpkg profile's second test binary begins): the line was most
      // likely kept at first sight, so the fast path's table finds it, and the builder needs no
      // index of its own (which costs the first lookups, run before V8 has compiled anything).
      const entry = this.repeated.indexAndFind(this.view, bytes, start, countSpace)
      if (entry >= 0) {
        this.repeated.addCount(entry, count, builder)
        this.misses = 0
        return
      }
    }
    const result = builder.addTo(file, startLine, startCol, endLine, endCol, numStmt, count)
    if (result !== ADDED) {
      this.fail(`the same block had ${result} statements before and ${numStmt} here (profiles of different sources?)`, bytes, start, end)
    }
    // Only wide blocks are noted (real ones are a few lines), to name one if the profile covers too many lines.
    if (endLine - startLine >= WIDE_BLOCK && !builder.merged) {
      const span = lineSpanOf(startLine, startCol, endLine, endCol)
      if (span > this.widest.span) this.widest = {span, lineNumber: this.lineNumber, text: decode(bytes, start, end)}
    }
    if (this.looking) this.keep(bytes, start, countSpace, builder)
    else if (builder.merged) this.looking = true
  }

  /**
   * Keeps the line of a block that merged (it repeats: its next repeats take the fast path), or
   * of a new one while few are kept. Only called while looking: a new block's line cannot be kept
   * yet, and a merged one is looked up first (by `position`, or by the fast path once the table
   * is built), so no line is kept twice.
   */
  private keep(bytes: Uint8Array, start: number, space: number, builder: ProfileBuilder): void {
    const repeated = this.repeated
    if (builder.merged) {
      this.misses = 0
      // The first repeat: lookups start, expecting next the line that followed this one.
      if (!repeated.indexed && repeated.position(this.view, bytes, start, space)) return
      repeated.add(this.view, bytes, start, space, builder.lastBlock)
      return
    }
    if (repeated.size < EAGER_ENTRIES) repeated.add(this.view, bytes, start, space, builder.lastBlock)
    if (++this.misses > MISS_LIMIT) {
      // Blocks do not repeat here: free what was kept (looking again starts afresh).
      this.looking = false
      this.repeated = new RepeatedLines()
    }
  }

  /**
   * The fast path for a line whose text up to the count came before: merges its count into that
   * block and returns true. Anything unusual about the count returns false, and the full parse
   * then handles it (and its errors); a different statement count is a different text, so it
   * takes the full parse too, which reports it.
   */
  private repeatedLine(bytes: Uint8Array, start: number, end: number): boolean {
    let i = end - 1
    let count = 0
    let scale = 1
    for (; i > start; i--) {
      const c = bytes[i] as number
      if (c === SPACE) break
      if (c < DIGIT_0 || c > DIGIT_9) return false
      count += (c - DIGIT_0) * scale
      scale *= 10
    }
    const digits = end - 1 - i
    if (digits === 0 || digits > 15 || i <= start) return false
    const entry = this.repeated.find(this.view, bytes, start, i)
    if (entry < 0) return false
    this.repeated.addCount(entry, count, this.builder as ProfileBuilder)
    this.misses = 0
    return true
  }

  private sameName(bytes: Uint8Array, start: number, end: number): boolean {
    return end - start === this.lastNameLength && sameWords(this.view, bytes, start, end, this.lastName, 0)
  }

  private rememberName(bytes: Uint8Array, start: number, end: number): void {
    const words = wordCount(end - start)
    if (words > this.lastName.length) this.lastName = new Int32Array(2 * words)
    copyWords(this.view, bytes, start, end, this.lastName, 0)
    this.lastNameLength = end - start
  }

  private fail(message: string, bytes: Uint8Array, start: number, end: number): never {
    return this.failAt(this.lineNumber, message, decode(bytes, start, end))
  }

  private failAt(lineNumber: number, message: string, text: string): never {
    const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text
    throw new CoverageError(`${this.source}:${lineNumber}: ${message}, got ${JSON.stringify(shown)}`)
  }
}

const MAX_INT32 = 0x7fffffff
const WIDE_BLOCK = 64

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
/** New blocks kept at first sight (about 70 bytes each), and new blocks in a row after which lookups stop. */
const EAGER_ENTRIES = 1 << 14
const MISS_LIMIT = 1 << 14
const M = 109

/** Parses a whole profile held in a string (tests, small inputs). */
export function parseProfile(text: string, source = 'profile'): Profile {
  const bytes = Buffer.from(text, 'utf8')
  const parser = new ProfileParser(source, bytes.length)
  const rest = parser.lines(bytes, 0, bytes.length)
  if (rest < bytes.length) parser.lineBytes(bytes, rest, bytes.length)
  return parser.finish()
}

function decode(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8')
}

function isModeLine(bytes: Uint8Array, start: number, end: number): boolean {
  // "mode:"
  return end - start >= 5 && bytes[start + 1] === 111 && bytes[start + 2] === 100 && bytes[start + 3] === 101 && bytes[start + 4] === 58
}

function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = bytes[i]
    if (c !== 32 && c !== 9 && c !== CR) return false
  }
  return true
}

const OK = 0
const BAD = 1
const NEGATIVE = 2
const DOT = 46
const COMMA = 44
const COLON = 58
const MINUS = 45
/** The fields of the line being parsed, right to left (count, numStmt, endCol, endLine, startCol, startLine), then the indexes of the colon and of the space before the count (reused: a line allocates nothing). */
const FIELDS = new Float64Array(8)

/**
 * Reads `name:startLine.startCol,endLine.endCol numStmt count` in bytes[start, end) in one pass
 * from the right (the hot loop of the engine: no regular expression, no substring), into FIELDS.
 * Every number must be 1 to 15 digits and the name must not be empty. Written out field by
 * field, each with its separator a constant: a loop over the fields measured half as fast.
 */
function scanBlockLine(bytes: Uint8Array, start: number, end: number, out: Float64Array): number {
  const countSpace = numberBefore(bytes, start, end - 1, SPACE, out, 0)
  if (countSpace < 0) return isNegativeCount(bytes, start, end) ? NEGATIVE : BAD
  const numStmtSpace = numberBefore(bytes, start, countSpace - 1, SPACE, out, 1)
  if (numStmtSpace < 0) return BAD
  const endDot = numberBefore(bytes, start, numStmtSpace - 1, DOT, out, 2)
  if (endDot < 0) return BAD
  const comma = numberBefore(bytes, start, endDot - 1, COMMA, out, 3)
  if (comma < 0) return BAD
  const startDot = numberBefore(bytes, start, comma - 1, DOT, out, 4)
  if (startDot < 0) return BAD
  const colon = numberBefore(bytes, start, startDot - 1, COLON, out, 5)
  if (colon < 0) return BAD
  out[6] = colon
  out[7] = countSpace
  return OK
}

/**
 * Reads the number that ends at bytes[last] going left, up to `separator`, into out[field]: returns
 * the separator's index, or -1 if there are no digits, more than 15, another byte, or nothing
 * left of the separator (every field has something before it: another field or the name).
 */
function numberBefore(bytes: Uint8Array, start: number, last: number, separator: number, out: Float64Array, field: number): number {
  let value = 0
  let scale = 1
  let i = last
  for (; i > start; i--) {
    const c = bytes[i] as number
    if (c === separator) break
    if (c < DIGIT_0 || c > DIGIT_9) return -1
    value += (c - DIGIT_0) * scale
    scale *= 10
  }
  const digits = last - i
  if (digits === 0 || digits > 15 || i <= start) return -1
  out[field] = value
  return i
}

/** Whether a line that does not parse ends in " -digits" (a negative count, reported as such). */
function isNegativeCount(bytes: Uint8Array, start: number, end: number): boolean {
  let i = end - 1
  while (i > start && (bytes[i] as number) >= DIGIT_0 && (bytes[i] as number) <= DIGIT_9) i--
  return i < end - 1 && bytes[i] === MINUS && i - 1 >= start && bytes[i - 1] === SPACE
}
