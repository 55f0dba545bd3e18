/**
 * Bounded views of output that can be any size: a test may print a gigabyte, more than a
 * JavaScript string can hold (V8's limit is 2^29-24 characters). Output is read line by line
 * as it arrives, and only bounded parts of it are kept: the first and last lines.
 */

/** The longest line kept whole; the rest of a longer line is dropped (and counted). */
export const MAX_LINE_BYTES = 1024 * 1024

/**
 * Splits a byte stream into lines (without their `\n`) as chunks arrive. A line is decoded only
 * once it is complete, so a UTF-8 character split across chunks stays whole. A line longer than
 * `maxLineBytes` is cut there; `cut` says how many of its bytes were dropped.
 */
export class LineSplitter {
  private pending: Buffer[] = []
  private pendingBytes = 0
  private cut = 0

  constructor(
    private readonly onLine: (line: string, cut: number) => void,
    private readonly maxLineBytes = MAX_LINE_BYTES
  ) {}

  push(chunk: Buffer): void {
    let start = 0
    for (;;) {
      const newline = chunk.indexOf(10, start)
      if (newline < 0) {
        this.keep(chunk, start, chunk.length)
        return
      }
      this.keep(chunk, start, newline)
      this.flush()
      start = newline + 1
    }
  }

  /** The last line, when the stream did not end with a newline. */
  end(): void {
    if (this.pendingBytes > 0 || this.cut > 0) this.flush()
  }

  private keep(chunk: Buffer, from: number, to: number): void {
    if (to <= from) return
    const room = this.maxLineBytes - this.pendingBytes
    const end = Math.min(to, from + room)
    if (end > from) {
      this.pending.push(chunk.subarray(from, end))
      this.pendingBytes += end - from
    }
    this.cut += to - end
  }

  private flush(): void {
    const line = this.pending.length === 1 ? (this.pending[0] as Buffer).toString('utf8') : Buffer.concat(this.pending).toString('utf8')
    const cut = this.cut
    this.pending = []
    this.pendingBytes = 0
    this.cut = 0
    this.onLine(line, cut)
  }
}

export interface HeadTailLimits {
  /** Characters of the first lines kept (newlines included). */
  headChars: number
  /** Characters of the last lines kept (newlines included). */
  tailChars: number
  /** At most this many last lines. Default: no limit but tailChars. */
  tailLines?: number
}

/**
 * The first and the last lines of a text of any length, within limits; what lies between is
 * counted, not kept. A line longer than the tail's limit keeps its end.
 */
export class HeadTail {
  private readonly head: string[] = []
  private headChars = 0
  private headFull = false
  private tail: string[] = []
  private tailStart = 0
  private tailChars = 0
  /** Lines and characters between the head and the tail that were not kept. */
  droppedLines = 0
  droppedChars = 0
  /** Every line added, kept or not. */
  lines = 0

  constructor(private readonly limits: HeadTailLimits) {}

  add(line: string): void {
    this.lines++
    if (!this.headFull) {
      if (this.headChars + line.length + 1 <= this.limits.headChars) {
        this.head.push(line)
        this.headChars += line.length + 1
        return
      }
      this.headFull = true
    }
    let kept = line
    if (kept.length + 1 > this.limits.tailChars) {
      const keep = Math.max(0, this.limits.tailChars - 1)
      this.droppedChars += kept.length - keep
      kept = keep === 0 ? '' : kept.slice(-keep)
    }
    this.tail.push(kept)
    this.tailChars += kept.length + 1
    const maxLines = this.limits.tailLines ?? Infinity
    while (this.tailStart < this.tail.length && (this.tailChars > this.limits.tailChars || this.tail.length - this.tailStart > maxLines)) {
      const dropped = this.tail[this.tailStart++] as string
      this.tailChars -= dropped.length + 1
      this.droppedLines++
      this.droppedChars += dropped.length + 1
    }
    // Drop the consumed front of the array now and then, so it does not grow with the stream.
    if (this.tailStart > 1024 && this.tailStart * 2 > this.tail.length) {
      this.tail = this.tail.slice(this.tailStart)
      this.tailStart = 0
    }
  }

  /** True when some lines were not kept. */
  get truncated(): boolean {
    return this.droppedLines > 0 || this.droppedChars > 0
  }

  /** The kept lines, in order: the head's, then the tail's. */
  kept(): {head: string[]; tail: string[]} {
    return {head: [...this.head], tail: this.tail.slice(this.tailStart)}
  }

  /** The kept lines joined with `\n`, with `gap(droppedLines)` as a line between head and tail when lines were dropped. */
  text(gap: (droppedLines: number, droppedChars: number) => string): string {
    const {head, tail} = this.kept()
    const middle = this.droppedLines > 0 ? [gap(this.droppedLines, this.droppedChars)] : []
    return [...head, ...middle, ...tail].join('\n')
  }
}

/** Bytes as a person reads them: `512 B`, `3.4 MB`, `1.1 GB` (powers of 1000, as `ls -h --si`). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  const units = ['kB', 'MB', 'GB', 'TB']
  let value = bytes / 1000
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}

/**
 * The first and last lines of a byte stream, as text: the output of a command, bounded. The
 * text ends with a newline exactly when the stream did.
 */
export class KeptOutput {
  private readonly lines: HeadTail
  private readonly splitter: LineSplitter
  private endsWithNewline = false
  /** Bytes of the stream, kept or not. */
  bytes = 0

  constructor(chars: number) {
    this.lines = new HeadTail({headChars: chars, tailChars: chars})
    this.splitter = new LineSplitter(line => this.lines.add(line))
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return
    this.bytes += chunk.length
    this.endsWithNewline = chunk[chunk.length - 1] === 10
    this.splitter.push(chunk)
  }

  get truncated(): boolean {
    return this.lines.truncated
  }

  /** The kept text; call once, at the end of the stream. */
  text(): string {
    this.splitter.end()
    if (this.bytes === 0) return ''
    const body = this.lines.text(lines => `… ${lines} lines left out`)
    return this.endsWithNewline ? `${body}\n` : body
  }
}
