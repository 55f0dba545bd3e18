/**
 * Tar archives made block by block, so that tests can hold what no honest tool writes: any type
 * flag, any PAX keyword (GNU.sparse.name), GNU long names, global headers, data where none belongs.
 */
import {gzipSync} from 'node:zlib'

export interface RawEntry {
  /** The header's own name field (at most 100 bytes; longer names go in `prefix`, PAX or an L header). */
  name: string
  /** A type flag: '0' file, '5' directory, '2' symlink, '1' hard link, 'x' PAX, 'g' global PAX, 'L'/'K' GNU long names, ... */
  flag?: string
  body?: string | Buffer
  /** The size field, when it must differ from the body's length. */
  size?: number
  linkname?: string
  /** USTAR's name prefix (POSIX headers only). */
  prefix?: string
  /** 'posix' (`ustar\0` `00`, the default) or 'gnu' (`ustar  \0`). */
  format?: 'posix' | 'gnu'
  /** The mode field; default 0o644. */
  mode?: number
}

const ENTRY_DEFAULTS = {flag: '0', format: 'posix'} as const

/** One 512-byte header block with a correct checksum. */
export function headerBlock(entry: RawEntry): Buffer {
  const e = {...ENTRY_DEFAULTS, ...entry}
  const body = typeof e.body === 'string' ? Buffer.from(e.body) : (e.body ?? Buffer.alloc(0))
  const block = Buffer.alloc(512)
  block.write(e.name, 0, 100, 'utf8')
  block.write(`${(e.mode ?? 0o644).toString(8).padStart(7, '0')}\0`, 100, 'latin1')
  block.write('0000000\0', 108, 'latin1')
  block.write('0000000\0', 116, 'latin1')
  block.write(`${(e.size ?? body.length).toString(8).padStart(11, '0')}\0`, 124, 'latin1')
  block.write('00000000000\0', 136, 'latin1')
  block.write(e.flag, 156, 'latin1')
  block.write(e.linkname ?? '', 157, 100, 'utf8')
  block.write(e.format === 'gnu' ? 'ustar  \0' : 'ustar\u000000', 257, 'latin1')
  if (e.format === 'posix') block.write(e.prefix ?? '', 345, 155, 'utf8')
  block.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of block) sum += byte
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
  return block
}

/** A header followed by its body, padded to the block size. */
export function rawEntry(entry: RawEntry): Buffer {
  const body = typeof entry.body === 'string' ? Buffer.from(entry.body) : (entry.body ?? Buffer.alloc(0))
  return Buffer.concat([headerBlock(entry), body, Buffer.alloc((512 - (body.length % 512)) % 512)])
}

/** PAX records, `<length> <key>=<value>\n`, each length counting itself. */
export function paxRecords(records: readonly (readonly [string, string])[]): Buffer {
  return Buffer.concat(
    records.map(([key, value]) => {
      const rest = ` ${key}=${value}\n`
      let length = Buffer.byteLength(rest) + 1
      while (String(length).length + Buffer.byteLength(rest) !== length) length++
      return Buffer.from(`${length}${rest}`)
    })
  )
}

/** A PAX extended header (local, or global with `flag: 'g'`) for the entry after it. */
export function paxHeader(records: readonly (readonly [string, string])[], flag: 'x' | 'g' = 'x'): Buffer {
  return rawEntry({name: 'PaxHeader/entry', flag, body: paxRecords(records)})
}

/** A GNU long name (`L`) or long link name (`K`) header for the entry after it. */
export function gnuLongHeader(name: string, flag: 'L' | 'K' = 'L'): Buffer {
  return rawEntry({name: '././@LongLink', flag, body: Buffer.from(`${name}\0`), format: 'gnu'})
}

/** Entries (RawEntry, or blocks already made) and the two end-of-archive blocks, gzipped. */
export function tarGzOf(parts: readonly (RawEntry | Buffer)[], trailer: Buffer = Buffer.alloc(1024)): Buffer {
  return gzipSync(Buffer.concat([...parts.map(p => (Buffer.isBuffer(p) ? p : rawEntry(p))), trailer]))
}
