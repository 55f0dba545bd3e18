/**
 * Lists a zip archive's entries from its central directory (at the end of the file), so that every name
 * can be checked before anything is extracted. Only what that check needs: names, directory flag and
 * whether an entry is a Unix symbolic link. Each entry's local header (before its data) must name it
 * as the central directory does: extractors differ in which of the two they trust.
 */
import {open} from 'node:fs/promises'

export interface ZipEntry {
  name: string
  type: 'File' | 'Directory' | 'SymbolicLink'
}

/** An entry as the central directory records it, with where its local header is. */
export interface ZipRecord extends ZipEntry {
  rawName: Buffer
  localOffset: number
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50
/** Hosts whose external attributes carry a Unix mode: Unix (3) and macOS (19). */
const UNIX_HOSTS = new Set([3, 19])
const EOCD_MIN = 22
const MAX_COMMENT = 0xffff

/** Where the central directory is, from the file's tail (which holds the end-of-central-directory record). */
export function locateCentralDirectory(tail: Buffer, fileSize: number, file: string): {count: number; offset: number; size: number} {
  let eocd = -1
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip archive (no end of central directory record)`)
  const count = tail.readUInt16LE(eocd + 10)
  const size = tail.readUInt32LE(eocd + 12)
  const offset = tail.readUInt32LE(eocd + 16)
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw new Error(`${file}: zip64 archives are not supported (Go's release zips are not zip64)`)
  }
  if (offset + size > fileSize) throw new Error(`${file}: the central directory lies beyond the end of the file`)
  return {count, offset, size}
}

/** Parses `count` central directory records. */
export function parseCentralDirectory(directory: Buffer, count: number, file: string): ZipRecord[] {
  const entries: ZipRecord[] = []
  let at = 0
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new Error(`${file}: central directory entry ${i} is damaged`)
    }
    const madeBy = directory.readUInt16LE(at + 4) >> 8
    const nameLength = directory.readUInt16LE(at + 28)
    const extraLength = directory.readUInt16LE(at + 30)
    const commentLength = directory.readUInt16LE(at + 32)
    const external = directory.readUInt32LE(at + 38)
    const localOffset = directory.readUInt32LE(at + 42)
    const rawName = directory.subarray(at + 46, at + 46 + nameLength)
    const name = rawName.toString('utf8')
    // Made on Unix or macOS: the high 16 bits of the external attributes are the file mode.
    const mode = UNIX_HOSTS.has(madeBy) ? external >>> 16 : 0
    const type = (mode & 0o170000) === 0o120000 ? 'SymbolicLink' : name.endsWith('/') || name.endsWith('\\') ? 'Directory' : 'File'
    entries.push({name, type, rawName, localOffset})
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Lists the entries of a zip file on disk, reading only its tail and its central directory. */
export async function listZipEntries(file: string): Promise<ZipEntry[]> {
  const handle = await open(file, 'r')
  const read = async (offset: number, length: number): Promise<Buffer> => {
    const buffer = Buffer.alloc(length)
    const {bytesRead} = await handle.read(buffer, 0, length, offset)
    return buffer.subarray(0, bytesRead)
  }
  try {
    const {size} = await handle.stat()
    const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT)
    const where = locateCentralDirectory(await read(size - tailLength, tailLength), size, file)
    const records = parseCentralDirectory(await read(where.offset, where.size), where.count, file)
    for (const record of records) {
      const reason = localHeaderMismatch(await read(record.localOffset, 30 + record.rawName.length), record, where.offset)
      if (reason) throw new Error(`${file}: entry ${JSON.stringify(record.name)}: ${reason}`)
    }
    return records.map(({name, type}) => ({name, type}))
  } finally {
    await handle.close()
  }
}

/** Why an entry's local header (`local`: its fixed part and name) disagrees with its central record, or undefined. */
export function localHeaderMismatch(local: Buffer, record: ZipRecord, centralOffset: number): string | undefined {
  if (record.localOffset + local.length > centralOffset || local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE) {
    return `no local header at offset ${record.localOffset}`
  }
  const name = local.subarray(30, 30 + local.readUInt16LE(26))
  if (!name.equals(record.rawName)) return `its local header names it ${JSON.stringify(name.toString('utf8'))}`
  return undefined
}
