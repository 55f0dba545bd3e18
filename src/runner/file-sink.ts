/**
 * A stream's way to disk: every chunk is handed to a reader (the test-event parser) and written
 * to a file as it arrives, one write at a time, so the stream is never held in memory and a
 * fast writer waits for the disk (runProcess pauses the child while the sink is busy).
 */
import {open} from 'node:fs/promises'
import type {FileHandle} from 'node:fs/promises'
import {Writable} from 'node:stream'

export interface FileSink {
  sink: Writable
  /** Resolves once the file is closed: with the first write error, if any (the reader still got every chunk). */
  closed: Promise<Error | null>
}

/** Buffered in the sink before the writer is paused: bigger than a pipe's 64 KiB chunks. */
const HIGH_WATER_MARK = 1024 * 1024

export async function fileSink(file: string, onChunk: (chunk: Buffer) => void): Promise<FileSink> {
  const handle = await open(file, 'w')
  let error: Error | null = null
  let resolveClosed: (error: Error | null) => void = () => {}
  const closed = new Promise<Error | null>(resolve => (resolveClosed = resolve))
  let closing: Promise<void> | undefined
  // final() and then destroy() both close: once.
  const close = (): Promise<void> =>
    (closing ??= handle.close().then(
      () => resolveClosed(error),
      (err: Error) => {
        error ??= err
        resolveClosed(error)
      }
    ))
  const sink = new Writable({
    highWaterMark: HIGH_WATER_MARK,
    write(chunk: Buffer, _encoding, done) {
      onChunk(chunk)
      // After a write error (a full disk) the reader still gets the rest; the file stays as far as it got.
      if (error) return done()
      writeAll(handle, chunk).then(
        () => done(),
        (err: Error) => {
          error = err
          done()
        }
      )
    },
    final(done) {
      void close().then(() => done())
    },
    destroy(err, done) {
      void close().then(() => done(err))
    }
  })
  return {sink, closed}
}

async function writeAll(handle: FileHandle, chunk: Buffer): Promise<void> {
  for (let offset = 0; offset < chunk.length; ) {
    const {bytesWritten} = await handle.write(chunk, offset)
    offset += bytesWritten
  }
}
