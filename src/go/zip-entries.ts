/**
 * Lists a zip archive's entries from its central directory (at the end of the file), so that every name
 * can be checked before anything is extracted. Only what that check needs: names, directory flag and
 * whether an entry is a Unix symbolic link.
 */
import {open} from 'node:fs/promises'

export interface ZipEntry {
  name: string
  type: 'File' | 'Directory' | 'SymbolicLink'
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
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
export function parseCentralDirectory(directory: Buffer, count: number, file: string): ZipEntry[] {
  const entries: ZipEntry[] = []
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
    const name = directory.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    // Made on Unix (3): the high 16 bits of the external attributes are the file mode.
    const mode = madeBy === 3 ? external >>> 16 : 0
    const type = (mode & 0o170000) === 0o120000 ? 'SymbolicLink' : name.endsWith('/') || name.endsWith('\\') ? 'Directory' : 'File'
    entries.push({name, type})
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
    return parseCentralDirectory(await read(where.offset, where.size), where.count, file)
  } finally {
    await handle.close()
  }
}
