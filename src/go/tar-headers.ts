/**
 * Reads the headers of a tar stream the way GNU tar reads them, so that each member's name, link
 * target and type are known, as tar will use them, before tar sees the member. Pure: bytes in,
 * members out; file contents are never copied, only shown (as slices of the chunks written) to an
 * optional observer, which is how the install manifest hashes every file as the archive streams.
 *
 * Strict rather than clever: whatever two tar readers could read differently is refused, not
 * interpreted. node-tar, for one, drops PAX keywords it does not know (GNU tar takes
 * `GNU.sparse.name` as the member's name), ignores a `path` in a global header (GNU tar applies it
 * to the members that follow), skips PAX headers over 1 MB and misreads values that hold a newline.
 * A Go release archive (written by Go's archive/tar) needs none of that: USTAR headers, PAX records
 * for long names and large values, regular files, directories and, rarely, links.
 */

export type TarMemberType = 'File' | 'Directory' | 'SymbolicLink' | 'Link'

export interface TarMember {
  /** The name tar extracts the member under: a PAX `path`, else a GNU long name, else the header's. */
  name: string
  type: TarMemberType
  /** A link's target: a PAX `linkpath`, else a GNU long link name, else the header's; '' otherwise. */
  linkpath: string
  size: number
  /** The header's mode field (permission bits and, from some writers, file type bits). */
  mode: number
}

/**
 * A stream that is not a tar archive this reader can vouch for. `offset` is where, in the unpacked
 * stream; `entry` names the member the problem is about, when there is one.
 */
export class TarFormatError extends Error {
  override name = 'TarFormatError'
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly entry?: string
  ) {
    super(`${entry === undefined ? '' : `entry ${JSON.stringify(entry)}: `}${reason} (at byte ${offset} of the unpacked archive)`)
  }
}

const BLOCK = 512
/** The largest PAX or long-name header read; Go's are a few hundred bytes. */
const MAX_META = 64 * 1024

const MEMBER_TYPES: Record<string, TarMemberType> = {'0': 'File', '\0': 'File', '7': 'File', '5': 'Directory', '2': 'SymbolicLink', '1': 'Link'}
/** What the other type flags are, for the message that refuses them (node-tar's names). */
const OTHER_TYPES: Record<string, string> = {
  '3': 'CharacterDevice',
  '4': 'BlockDevice',
  '6': 'FIFO',
  D: 'GNUDumpDir',
  M: 'ContinuationFile',
  N: 'OldGnuLongPath',
  S: 'SparseFile',
  V: 'VolumeHeader',
  A: 'SolarisACL',
  E: 'SolarisExtendedAttribute',
  I: 'Inode',
  X: 'OldExtendedHeader'
}
/** PAX keywords that name a member or describe it without changing where it goes. */
const LOCAL_KEYWORDS = new Set(['path', 'linkpath', 'size', 'mtime', 'atime', 'ctime', 'uid', 'gid', 'uname', 'gname', 'comment'])
/** A global header applies to every member after it: only a comment (as `git archive` writes) is harmless. */
const GLOBAL_KEYWORDS = new Set(['comment'])

/** A PAX or GNU long-name header being read; `start` is its header's offset, for messages. */
type Meta = {kind: 'x' | 'g' | 'L' | 'K'; size: number; chunks: Buffer[]; received: number; start: number}

/** Feeds on a tar stream chunk by chunk; calls `onMember` as each member's header is complete. */
export class TarHeaderReader {
  private offset = 0
  /** Bytes of a header block split across chunks. */
  private partial: Buffer[] = []
  private partialLength = 0
  /** Bytes of the current member's data still to come, shown to onData. */
  private data = 0
  /** Padding (or a meta header's padding) still to pass over. */
  private skip = 0
  private meta: Meta | undefined
  private pax: Map<string, string> | undefined
  private longName: string | undefined
  private longLink: string | undefined
  private zeroBlocks = 0
  private ended = false
  members = 0

  /**
   * `onMember` is called as each member's header is complete; `onData`, when given, with each
   * slice of that member's data (in order, padding left out) before the next member's header.
   */
  constructor(
    private readonly onMember: (member: TarMember) => void,
    private readonly onData?: (data: Buffer) => void
  ) {}

  /** Reads a chunk; throws TarFormatError, or what onMember throws, before returning. */
  write(chunk: Buffer): void {
    let at = 0
    while (at < chunk.length) {
      if (this.ended) {
        // After the end-of-archive blocks tar stops reading; nothing may hide there.
        const stray = chunk.findIndex((byte, i) => i >= at && byte !== 0)
        if (stray >= 0) this.fail('data after the end-of-archive blocks', this.offset + stray - at)
        this.offset += chunk.length - at
        return
      }
      if (this.data > 0) {
        const n = Math.min(this.data, chunk.length - at)
        this.onData?.(chunk.subarray(at, at + n))
        this.data -= n
        at += n
        this.offset += n
        continue
      }
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - at)
        this.skip -= n
        at += n
        this.offset += n
        continue
      }
      if (this.meta) {
        at += this.readMeta(chunk, at)
        continue
      }
      const need = BLOCK - this.partialLength
      if (chunk.length - at < need) {
        this.partial.push(chunk.subarray(at))
        this.partialLength += chunk.length - at
        return
      }
      const block = this.partialLength === 0 ? chunk.subarray(at, at + BLOCK) : Buffer.concat([...this.partial, chunk.subarray(at, at + need)])
      this.partial = []
      this.partialLength = 0
      at += need
      this.header(block)
      this.offset += BLOCK
    }
  }

  /** The stream is over: it must not stop inside a member or a header. */
  end(): void {
    if (this.partialLength > 0 || this.data > 0 || this.skip > 0 || this.meta) this.fail('the archive ends in the middle of an entry', this.offset + this.partialLength)
    if (this.pax || this.longName !== undefined || this.longLink !== undefined) this.fail('the archive ends with a header that describes no entry', this.offset)
  }

  private fail(message: string, offset = this.offset, entry?: string): never {
    throw new TarFormatError(message, offset, entry)
  }

  private header(block: Buffer): void {
    if (block.every(byte => byte === 0)) {
      if (this.pax || this.longName !== undefined || this.longLink !== undefined) this.fail('an extended header is followed by the end of the archive')
      this.zeroBlocks++
      if (this.zeroBlocks === 2) this.ended = true
      return
    }
    if (this.zeroBlocks > 0) this.fail('a lone zero block in the middle of the archive')
    this.checkChecksum(block)
    const magic = block.toString('latin1', 257, 265)
    const posix = magic === 'ustar\u000000'
    if (!posix && magic !== 'ustar  \u0000') this.fail(`not a ustar, PAX or GNU tar header (magic ${JSON.stringify(magic)})`)
    const flag = String.fromCharCode(block[156] as number)
    const size = this.number(block, 124, 12, 'size')
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      this.startMeta(flag, size)
      return
    }
    const mode = this.number(block, 100, 8, 'mode')
    const headerName = text(block, 0, 100)
    const prefix = posix ? text(block, 345, 155) : ''
    const pax = this.pax
    if (pax?.has('path') && this.longName !== undefined) this.fail('an entry with both a PAX path and a GNU long name')
    if (pax?.has('linkpath') && this.longLink !== undefined) this.fail('an entry with both a PAX linkpath and a GNU long link name')
    const name = pax?.get('path') ?? this.longName ?? (prefix ? `${prefix}/${headerName}` : headerName)
    const linkpath = pax?.get('linkpath') ?? this.longLink ?? text(block, 157, 100)
    const paxSize = pax?.get('size')
    const memberSize = paxSize === undefined ? size : Number(paxSize)
    this.pax = undefined
    this.longName = undefined
    this.longLink = undefined
    if (name === '') this.fail('an entry without a name')
    const type = MEMBER_TYPES[flag]
    if (!type) this.fail(`entries of type ${OTHER_TYPES[flag] ?? JSON.stringify(flag)} do not belong in a Go archive`, this.offset, name)
    // Where a member's data ends decides where the next header is: only files may have any.
    if (type !== 'File' && memberSize !== 0) this.fail(`a ${type} entry that carries ${memberSize} bytes of data`, this.offset, name)
    if (type !== 'SymbolicLink' && type !== 'Link' && linkpath !== '') this.fail(`a ${type} entry with a link target`, this.offset, name)
    this.members++
    this.onMember({name, type, linkpath, size: memberSize, mode})
    this.data = memberSize
    this.skip = padded(memberSize) - memberSize
  }

  private startMeta(kind: Meta['kind'], size: number): void {
    if (size > MAX_META) this.fail(`an extended header of ${size} bytes (more than ${MAX_META})`)
    if (kind === 'x' && this.pax) this.fail('two PAX headers for one entry')
    if (kind === 'L' && this.longName !== undefined) this.fail('two GNU long names for one entry')
    if (kind === 'K' && this.longLink !== undefined) this.fail('two GNU long link names for one entry')
    this.meta = {kind, size, chunks: [], received: 0, start: this.offset}
    if (size === 0) this.finishMeta()
  }

  /** Collects a meta header's body from `chunk` at `at`; returns the bytes consumed. */
  private readMeta(chunk: Buffer, at: number): number {
    const meta = this.meta as Meta
    const n = Math.min(meta.size - meta.received, chunk.length - at)
    meta.chunks.push(chunk.subarray(at, at + n))
    meta.received += n
    this.offset += n
    if (meta.received === meta.size) this.finishMeta()
    return n
  }

  private finishMeta(): void {
    const meta = this.meta as Meta
    this.meta = undefined
    const body = Buffer.concat(meta.chunks)
    // Padding to the block boundary follows the body.
    this.skip = padded(meta.size) - meta.size
    if (meta.kind === 'L' || meta.kind === 'K') {
      // GNU tar reads the name as a C string: up to the first NUL.
      const name = body.toString('utf8', 0, body.includes(0) ? body.indexOf(0) : body.length)
      if (meta.kind === 'L') this.longName = name
      else this.longLink = name
      return
    }
    const records = this.paxRecords(body, meta.start)
    const allowed = meta.kind === 'g' ? GLOBAL_KEYWORDS : LOCAL_KEYWORDS
    for (const [key, value] of records) {
      if (!allowed.has(key)) {
        const why = key === 'GNU.sparse.name' ? ' (GNU tar would extract the entry under that name)' : ''
        this.fail(`${meta.kind === 'g' ? 'a global' : 'a'} PAX header with the keyword ${JSON.stringify(key)}, which does not belong in a Go archive${why}`, meta.start)
      }
      if (value.includes('\0')) this.fail(`the PAX ${key} ${JSON.stringify(value)} holds a NUL byte`, meta.start)
      if (key === 'size' && !/^\d{1,15}$/.test(value)) this.fail(`the PAX size ${JSON.stringify(value)} is not a number of bytes`, meta.start)
      if ((key === 'path' || key === 'linkpath') && value === '') this.fail(`an empty PAX ${key}`, meta.start)
    }
    if (meta.kind === 'x') this.pax = records
  }

  /** `<length> <key>=<value>\n` records, read by their length as tar does (a value may hold a newline). */
  private paxRecords(body: Buffer, start: number): Map<string, string> {
    const records = new Map<string, string>()
    let at = 0
    while (at < body.length) {
      const space = body.indexOf(0x20, at)
      const length = space > at ? body.toString('latin1', at, space) : ''
      const end = at + Number(length)
      if (!/^\d+$/.test(length) || end > body.length || end <= space + 2 || body[end - 1] !== 0x0a) this.fail('a malformed PAX record', start)
      const record = body.subarray(space + 1, end - 1)
      const equals = record.indexOf(0x3d)
      if (equals <= 0) this.fail('a malformed PAX record (no keyword)', start)
      const key = record.toString('utf8', 0, equals)
      if (records.has(key)) this.fail(`a PAX header that gives ${key} twice`, start)
      records.set(key, record.toString('utf8', equals + 1))
      at = end
    }
    return records
  }

  /** A numeric field: octal digits (space or NUL ended), or GNU's base-256 for large values. */
  private number(block: Buffer, start: number, length: number, field: string): number {
    const first = block[start] as number
    if (first & 0x80) {
      if (first === 0xff) this.fail(`a negative ${field}`)
      let value = first & 0x7f
      for (let i = start + 1; i < start + length; i++) value = value * 256 + (block[i] as number)
      if (!Number.isSafeInteger(value)) this.fail(`a ${field} too large to be real`)
      return value
    }
    const digits = block.toString('latin1', start, start + length).replace(/[\0 ]+$/, '').replace(/^ +/, '')
    if (!/^[0-7]*$/.test(digits)) this.fail(`the ${field} field ${JSON.stringify(digits)} is not an octal number`)
    return digits === '' ? 0 : parseInt(digits, 8)
  }

  private checkChecksum(block: Buffer): void {
    const stored = this.number(block, 148, 8, 'checksum')
    let unsigned = 0
    let signed = 0
    for (let i = 0; i < BLOCK; i++) {
      const byte = i >= 148 && i < 156 ? 0x20 : (block[i] as number)
      unsigned += byte
      signed += byte > 127 ? byte - 256 : byte
    }
    // GNU tar accepts either sum, as old writers used signed chars.
    if (stored !== unsigned && stored !== signed) this.fail('a header whose checksum does not match')
  }
}

/** A NUL-terminated (or full-width) field. */
function text(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length)
  const nul = field.indexOf(0)
  return field.toString('utf8', 0, nul < 0 ? length : nul)
}

function padded(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK
}
