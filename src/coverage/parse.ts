import {ADDED, ProfileBuilder} from './blocks-builder.js'
import type {FileBuilder} from './blocks-builder.js'
import {COVER_MODES, CoverageError} from './model.js'
import type {CoverMode, Profile} from './model.js'

const MODE_PREFIX = 'mode: '
const FORMAT = '"file:startLine.startCol,endLine.endCol numStmt count"'

/**
 * Parses a Go coverage profile one line at a time, so a profile of a million lines never has to
 * be one string. Strict where Go is (mode line, line format, negative counts: each error names
 * the source, the line number and the line) and lenient where users trip and nothing is lost:
 * CRLF line endings, trailing blank lines, and profiles concatenated with `cat` (a repeated
 * `mode:` line of the same mode). Identical blocks merge as Go's parser merges them: OR in `set`
 * mode, sum in `count` and `atomic`.
 *
 * It reads UTF-8 bytes in place (`lineBytes`): no string per line, file names decoded only when
 * they change. That halves the time of reading the same lines as strings (bench/coverage).
 */
export class ProfileParser {
  private mode: CoverMode | undefined
  private builder: ProfileBuilder | undefined
  private lineNumber = 0
  /** A blank line is only allowed at the end or before a repeated mode line: remember where it was. */
  private blankLine = 0
  /** The file of the previous line and its name's bytes: consecutive lines mostly name the same file. */
  private lastFile: FileBuilder | undefined
  private lastName = new Uint8Array(256)
  private lastNameLength = -1

  constructor(private readonly source: string) {}

  /** Feeds one line, without its line break. */
  line(text: string): void {
    const bytes = Buffer.from(text, 'utf8')
    this.lineBytes(bytes, 0, bytes.length)
  }

  /** Feeds the line bytes[start, end) (UTF-8, without its line break). */
  lineBytes(bytes: Uint8Array, start: number, end: number): void {
    this.lineNumber++
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
    this.blockLine(bytes, start, end)
  }

  /** Ends the input and returns the profile: identical blocks merged, sorted by file and position. */
  finish(): Profile {
    if (this.builder === undefined) {
      throw new CoverageError(`${this.source}: empty profile: expected "mode: set|count|atomic" as the first line`)
    }
    return this.builder.finish()
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
    this.builder ??= new ProfileBuilder(this.mode)
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
    if (startLine > MAX_INT32 || startCol > MAX_INT32 || endLine > MAX_INT32 || endCol > MAX_INT32 || numStmt > MAX_INT32) {
      this.fail('line, column or statement number too large', bytes, start, end)
    }
    let file = this.lastFile
    if (file === undefined || !this.sameName(bytes, start, colon)) {
      file = (this.builder as ProfileBuilder).file(decode(bytes, start, colon))
      this.lastFile = file
      this.rememberName(bytes, start, colon)
    }
    const result = file.add(startLine, startCol, endLine, endCol, numStmt, count)
    if (result !== ADDED) {
      this.fail(`the same block had ${result} statements before and ${numStmt} here (profiles of different sources?)`, bytes, start, end)
    }
  }

  private sameName(bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start
    if (length !== this.lastNameLength) return false
    // From the end: names of one module share their beginning and differ near the end.
    for (let i = length - 1; i >= 0; i--) if (bytes[start + i] !== this.lastName[i]) return false
    return true
  }

  private rememberName(bytes: Uint8Array, start: number, end: number): void {
    if (end - start > this.lastName.length) this.lastName = new Uint8Array(2 * (end - start))
    this.lastName.set(bytes.subarray(start, end))
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
const CR = 13
const M = 109

/** Parses a whole profile held in a string (tests, small inputs). */
export function parseProfile(text: string, source = 'profile'): Profile {
  const parser = new ProfileParser(source)
  const bytes = Buffer.from(text, 'utf8')
  let start = 0
  for (let end = bytes.indexOf(10, start); end >= 0; end = bytes.indexOf(10, start)) {
    parser.lineBytes(bytes, start, end)
    start = end + 1
  }
  if (start < bytes.length) parser.lineBytes(bytes, start, bytes.length)
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
/** Each field's separator, right to left: count, numStmt, endCol, endLine, startCol, startLine. */
const SEPARATORS = [32, 32, 46, 44, 46, 58]
/** The fields of the line being parsed, then the colon's index (reused: a line allocates nothing). */
const FIELDS = new Float64Array(7)

/**
 * Reads `name:startLine.startCol,endLine.endCol numStmt count` in bytes[start, end) in one pass
 * from the right (the hot loop of the engine: no regular expression, no substring). Every number
 * must be 1 to 15 digits and the name must not be empty.
 */
function scanBlockLine(bytes: Uint8Array, start: number, end: number, out: Float64Array): number {
  let i = end - 1
  for (let field = 0; field < 6; field++) {
    const separator = SEPARATORS[field] as number
    let value = 0
    let scale = 1
    let digitCount = 0
    for (; i >= start; i--) {
      const c = bytes[i] as number
      if (c === separator) break
      if (c < 48 || c > 57) return field === 0 && c === 45 && digitCount > 0 && bytes[i - 1] === 32 ? NEGATIVE : BAD
      value += (c - 48) * scale
      scale *= 10
      digitCount++
    }
    if (digitCount === 0 || digitCount > 15 || i < start) return BAD
    out[field] = value
    i--
  }
  // i is just before the colon; the name before it must not be empty.
  out[6] = i + 1
  return i + 1 > start ? OK : BAD
}
