import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, readlink, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {Readable} from 'node:stream'
import {crc32, gzipSync} from 'node:zlib'
import {Header} from 'tar'
import {ArchiveError, extractTarGz, extractVerifiedZip, saveVerified} from '../../src/go/archive.js'
import {HttpError} from '../../src/go/http.js'
import {listZipEntries} from '../../src/go/zip-entries.js'

interface TarEntry {
  path: string
  type?: 'File' | 'Directory' | 'SymbolicLink' | 'Link' | 'CharacterDevice'
  body?: string
  linkpath?: string
}

/** A .tar.gz made entry by entry, so that it can hold what no honest tool writes. */
function tarGz(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = []
  for (const e of entries) {
    const body = Buffer.from(e.body ?? '')
    const type = e.type ?? 'File'
    const header = new Header({path: e.path, type, size: type === 'File' ? body.length : 0, mode: type === 'Directory' ? 0o755 : 0o644, mtime: new Date(0), linkpath: e.linkpath ?? '', uid: 0, gid: 0})
    header.encode()
    blocks.push(header.block as Buffer)
    if (type === 'File' && body.length > 0) blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512))
  }
  blocks.push(Buffer.alloc(1024))
  return gzipSync(Buffer.concat(blocks))
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

/** A response body: the bytes in small chunks, optionally breaking off with an error after `cutAt`. */
function body(data: Buffer, cutAt?: number): Readable {
  const chunks: Buffer[] = []
  const end = cutAt ?? data.length
  for (let i = 0; i < end; i += 1000) chunks.push(data.subarray(i, Math.min(end, i + 1000)))
  const stream = Readable.from(chunks, {objectMode: false})
  if (cutAt === undefined) return stream
  const broken = new Readable({read() {}})
  stream.on('data', c => broken.push(c))
  stream.on('end', () => broken.destroy(Object.assign(new Error('aborted'), {code: 'ECONNRESET'})))
  return broken
}

let root: string
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-archive-'))
})
afterAll(async () => {
  await rm(root, {recursive: true, force: true})
})

/** A fresh target two levels down, so that escapes have somewhere to land and be caught. */
async function target(): Promise<string> {
  const dir = await mkdtemp(path.join(root, 'case-'))
  await mkdir(path.join(dir, 'a', 'staging'), {recursive: true})
  return path.join(dir, 'a', 'staging')
}

const good = tarGz([
  {path: 'go/', type: 'Directory'},
  {path: 'go/bin/', type: 'Directory'},
  {path: 'go/bin/go', body: '#!/bin/sh\necho go\n'},
  {path: 'go/VERSION', body: 'go1.99.0\n'},
  {path: 'go/misc/', type: 'Directory'},
  {path: 'go/misc/version', type: 'SymbolicLink', linkpath: '../VERSION'}
])

describe('extractTarGz', () => {
  it('extracts a good archive and returns its digest', async () => {
    const dest = await target()
    const result = await extractTarGz(body(good), {archive: 'go1.99.0.linux-amd64.tar.gz', url: 'http://x/', sha256: sha256(good), length: good.length, dest})
    expect(result).toEqual({sha256: sha256(good), bytes: good.length, entries: 6})
    expect(await readFile(path.join(dest, 'go', 'VERSION'), 'utf8')).toBe('go1.99.0\n')
    expect(await readlink(path.join(dest, 'go', 'misc', 'version'))).toBe('../VERSION')
  })

  it('fails a digest mismatch with the file name and both digests', async () => {
    const dest = await target()
    const wrong = 'a'.repeat(64)
    await expect(extractTarGz(body(good), {archive: 'go1.99.0.linux-amd64.tar.gz', url: 'http://x/', sha256: wrong, dest})).rejects.toEqual(
      new ArchiveError(`go1.99.0.linux-amd64.tar.gz: sha256 mismatch: expected ${wrong}, got ${sha256(good)}`)
    )
  })

  it.each([
    [[{path: 'go/../../escaped', body: 'x'}], 'go/../../escaped', 'it would land outside the target directory'],
    [[{path: '/tmp/go-matrix-absolute-escape', body: 'x'}], '/tmp/go-matrix-absolute-escape', 'it would land outside the target directory (absolute path)'],
    [
      [
        {path: 'go/link', type: 'SymbolicLink', linkpath: '../../..'},
        {path: 'go/link/escaped', body: 'x'}
      ],
      'go/link',
      'its link target "../../.." points outside the target directory'
    ],
    [[{path: 'go/hard', type: 'Link', linkpath: '/etc/passwd'}], 'go/hard', 'its link target "/etc/passwd" is an absolute path'],
    [[{path: 'go/ok', body: 'x'}, {path: 'notgo/x', body: 'x'}], 'notgo/x', 'a Go archive holds everything under go/']
  ] as [TarEntry[], string, string][])('refuses %j', async (entries, name, reason) => {
    const dest = await target()
    const data = tarGz(entries)
    await expect(extractTarGz(body(data), {archive: 'bad.tar.gz', url: 'http://x/', sha256: sha256(data), dest})).rejects.toEqual(
      new ArchiveError(`bad.tar.gz: refusing entry ${JSON.stringify(name)}: ${reason}`)
    )
    // nothing was written outside the target, whatever tar managed before it was stopped
    expect(existsSync(path.join(dest, '..', 'escaped'))).toBe(false)
    expect(existsSync(path.join(dest, '..', '..', 'escaped'))).toBe(false)
    expect(existsSync('/tmp/go-matrix-absolute-escape')).toBe(false)
  })

  it('reports a corrupt download as a digest mismatch, not as a gzip error', async () => {
    const dest = await target()
    const corrupt = Buffer.from(good)
    corrupt[40] = (corrupt[40] ?? 0) ^ 0xff
    await expect(extractTarGz(body(corrupt), {archive: 'c.tar.gz', url: 'http://x/', sha256: sha256(good), dest})).rejects.toThrow(
      `c.tar.gz: sha256 mismatch: expected ${sha256(good)}, got ${sha256(corrupt)}`
    )
  })

  it('names a damaged stream whose digest matches', async () => {
    const dest = await target()
    const garbage = Buffer.from('this is not gzip at all')
    await expect(extractTarGz(body(garbage), {archive: 'g.tar.gz', url: 'http://x/', sha256: sha256(garbage), dest})).rejects.toThrow(/^g\.tar\.gz: not a valid gzip stream: /)
  })

  it('fails a body that breaks off, retryably', async () => {
    const dest = await target()
    const error = await extractTarGz(body(good, 200), {archive: 't.tar.gz', url: 'http://x/t', sha256: sha256(good), dest}).catch(e => e)
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).retryable).toBe(true)
    expect((error as Error).message).toBe('t.tar.gz: download from http://x/t broke off after 200 bytes: aborted')
  })

  it('fails a body shorter than its Content-Length, retryably', async () => {
    const dest = await target()
    const short = good.subarray(0, 100)
    const error = await extractTarGz(body(short), {archive: 't.tar.gz', url: 'http://x/t', sha256: sha256(good), length: good.length, dest}).catch(e => e)
    expect((error as Error).message).toBe(`t.tar.gz: download from http://x/t ended after 100 of ${good.length} bytes`)
    expect((error as HttpError).retryable).toBe(true)
  })
})

/** A zip of stored entries; `mode` marks Unix file types (0o120777 is a symbolic link). */
function zip(entries: {name: string; data?: string; mode?: number}[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const data = Buffer.from(e.data ?? '')
    const name = Buffer.from(e.name)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(((e.mode ?? (e.name.endsWith('/') ? 0o40755 : 0o100644)) << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name)
    offset += 30 + name.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

describe('zip archives (Windows)', () => {
  it('saves while hashing, lists the names, extracts', async () => {
    const dest = await target()
    const data = zip([{name: 'go/'}, {name: 'go/bin/'}, {name: 'go/bin/go.exe', data: 'MZ'}, {name: 'go/VERSION', data: 'go1.99.0'}])
    const file = path.join(dest, '..', 'go1.99.0.windows-amd64.zip')
    await expect(saveVerified(body(data), {archive: 'go1.99.0.windows-amd64.zip', url: 'http://x/', sha256: sha256(data), length: data.length, file})).resolves.toEqual({
      sha256: sha256(data),
      bytes: data.length
    })
    expect(await listZipEntries(file)).toEqual([
      {name: 'go/', type: 'Directory'},
      {name: 'go/bin/', type: 'Directory'},
      {name: 'go/bin/go.exe', type: 'File'},
      {name: 'go/VERSION', type: 'File'}
    ])
    await expect(extractVerifiedZip(file, dest, 'go1.99.0.windows-amd64.zip')).resolves.toBe(4)
    expect(await readFile(path.join(dest, 'go', 'VERSION'), 'utf8')).toBe('go1.99.0')
  })

  it('fails a zip whose digest differs', async () => {
    const dest = await target()
    const data = zip([{name: 'go/VERSION', data: 'x'}])
    await expect(saveVerified(body(data), {archive: 'z.zip', url: 'http://x/', sha256: '0'.repeat(64), file: path.join(dest, 'z.zip')})).rejects.toThrow(
      `z.zip: sha256 mismatch: expected ${'0'.repeat(64)}, got ${sha256(data)}`
    )
  })

  it.each([
    [[{name: 'go\\..\\..\\evil.exe', data: 'x'}], 'go\\..\\..\\evil.exe', 'it would land outside the target directory'],
    [[{name: 'C:\\evil.exe', data: 'x'}], 'C:\\evil.exe', 'it would land outside the target directory (absolute path)'],
    [[{name: 'go/link', data: '../..', mode: 0o120777}], 'go/link', 'symbolic links do not belong in a Go zip archive']
  ])('refuses %j before extracting anything', async (entries, name, reason) => {
    const dest = await target()
    const file = path.join(dest, '..', 'bad.zip')
    await writeFile(file, zip(entries))
    await expect(extractVerifiedZip(file, dest, 'bad.zip')).rejects.toThrow(`bad.zip: refusing entry ${JSON.stringify(name)}: ${reason}`)
    expect(existsSync(path.join(dest, 'go'))).toBe(false)
  })

  it('names a file that is not a zip', async () => {
    const file = path.join(root, 'not.zip')
    await writeFile(file, 'plain text')
    await expect(listZipEntries(file)).rejects.toThrow(`${file}: not a zip archive (no end of central directory record)`)
  })
})
