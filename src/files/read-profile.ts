import {closeSync, openSync, readSync, statSync} from 'node:fs'
import {CoverageError} from '../coverage/model.js'
import type {Profile} from '../coverage/model.js'
import {ProfileParser} from '../coverage/parse.js'

/**
 * Reads a Go profile from disk as a stream of lines: memory holds the parsed blocks (identical
 * ones merged), never the whole text. Lines are parsed in place in the bytes read, several times
 * faster than node:readline (measured in bench/coverage).
 */
export async function readProfile(path: string): Promise<Profile> {
  let size = 0
  try {
    size = statSync(path).size
  } catch {
    // readChunks says what is wrong with the path.
  }
  const parser = new ProfileParser(path, size)
  // The parser runs the line loop itself: a loop shared with other callbacks would make the call
  // per line polymorphic, which measured twice as slow.
  await readChunks(path, (bytes, available) => parser.lines(bytes, 0, available))
  return parser.finish()
}

/** Calls `onLine` for every line of a file (decoded from UTF-8, without its `\n`). */
export async function forEachLine(path: string, onLine: (line: string) => void): Promise<void> {
  await forEachLineBytes(path, (bytes, start, end) => onLine(bytes.toString('utf8', start, end)))
}

/**
 * Calls `onLine(bytes, start, end)` for every line of a file: the line is bytes[start, end), in
 * place in the read buffer (valid only during the call). A `\n` byte never occurs inside a UTF-8
 * sequence, so splitting bytes is safe.
 */
export async function forEachLineBytes(path: string, onLine: (bytes: Buffer, start: number, end: number) => void): Promise<void> {
  await readChunks(path, (bytes, available) => {
    let start = 0
    for (let end = bytes.indexOf(NEWLINE, 0); end >= 0 && end < available; end = bytes.indexOf(NEWLINE, start)) {
      onLine(bytes, start, end)
      start = end + 1
    }
    return start
  })
}

/**
 * Reads a file into one reused buffer and hands `consume` the bytes read so far
 * (bytes[0, available)); it returns how many it used (whole lines), and the rest is kept for the
 * next read. The final incomplete line comes last, followed by a line break of its own. One
 * buffer (grown for a line longer than it), rather than a read stream's fresh buffer per chunk,
 * which piles up outside the JS heap until a collection happens to run.
 *
 * Reads are synchronous, yielding to the event loop every YIELD_BYTES: an asynchronous read
 * hands each chunk through libuv's thread pool, and on a busy machine every one of those hand-offs
 * waits to be scheduled (measured: bench/README.md, coverage); parsing blocks the loop between reads anyway.
 */
async function readChunks(path: string, consume: (bytes: Buffer, available: number) => number): Promise<void> {
  let buffer = Buffer.allocUnsafe(CHUNK)
  let filled = 0
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    let sinceYield = 0
    for (;;) {
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2)
        buffer.copy(bigger, 0, 0, filled)
        buffer = bigger
      }
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, null)
      if (bytesRead === 0) break
      const available = filled + bytesRead
      const used = consume(buffer, available)
      // Keep the incomplete last line at the front of the buffer for the next read.
      buffer.copy(buffer, 0, used, available)
      filled = available - used
      sinceYield += bytesRead
      if (sinceYield >= YIELD_BYTES) {
        sinceYield = 0
        await new Promise(resolve => setImmediate(resolve))
      }
    }
    if (filled > 0) {
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length + 1)
        buffer.copy(bigger, 0, 0, filled)
        buffer = bigger
      }
      buffer[filled] = NEWLINE
      consume(buffer, filled + 1)
    }
  } catch (err) {
    if (err instanceof CoverageError) throw err
    throw new CoverageError(`${path}: cannot read the profile: ${(err as Error).message}`, {cause: err})
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

const NEWLINE = 10
const CHUNK = 1 << 16
const YIELD_BYTES = 1 << 22
