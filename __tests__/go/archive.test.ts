import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, readlink, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {Readable} from 'node:stream'
import {crc32, gzipSync} from 'node:zlib'
import {Header} from 'tar'
import {execFile} from 'node:child_process'
import {readdir, readlink as readLink, stat} from 'node:fs/promises'
import {promisify} from 'node:util'
import {ArchiveError, extractTarGz, extractVerifiedZip, saveVerified} from '../../src/go/archive.js'
import {HttpError} from '../../src/transport/http.js'
import {listZipEntries} from '../../src/go/zip-entries.js'
import {gorootOf, versionAt} from '../../scripts/toolchains.mjs'
import {sharedVersionDirs} from '../helpers/go-caches.js'
import {gnuLongHeader, paxHeader, rawEntry, tarGzOf, type RawEntry} from '../helpers/tar-builder.js'

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

/** Every path under `caseDir` that is neither `dest`, inside it, nor one of its parents: what escaped. */
async function escapedFrom(caseDir: string, dest: string): Promise<string[]> {
  const all = (await readdir(caseDir, {recursive: true})).map(p => path.join(caseDir, p))
  return all.filter(p => p !== dest && !p.startsWith(`${dest}${path.sep}`) && !dest.startsWith(`${p}${path.sep}`))
}

async function extractCrafted(parts: readonly (RawEntry | Buffer)[], trailer?: Buffer): Promise<{error: unknown; dest: string; escaped: string[]}> {
  const dest = await target()
  const data = tarGzOf(parts, trailer)
  const error = await extractTarGz(body(data), {archive: 'bad.tar.gz', url: 'http://x/', sha256: sha256(data), dest}).then(
    () => undefined,
    (e: unknown) => e
  )
  return {error, dest, escaped: await escapedFrom(path.dirname(path.dirname(dest)), dest)}
}

const dir = (name: string): RawEntry => ({name, flag: '5'})
const symlink = (name: string, linkname: string): RawEntry => ({name, flag: '2', linkname})
const OUT = 'points outside the target directory'

describe('extractTarGz checks the names tar will use, against what it extracted before', () => {
  it.each([
    [
      'a chain of links, each lexically inside go/',
      [dir('go/'), symlink('go/p1', '.'), symlink('go/p1/p2', '..'), symlink('go/p1/p2/p3', '..'), {name: 'go/p1/p2/p3/escaped', body: 'x'}],
      `refusing entry "go/p1/p2": its link target ".." ${OUT} through the symbolic link "go/p1"`
    ],
    [
      'a link made harmful by a later one (checked on the finished tree)',
      [dir('go/'), symlink('go/l', 'd/../../go/x'), symlink('go/d', '.')],
      `refusing entry "go/l": its link target "d/../../go/x" ${OUT} through the symbolic link "go/d"`
    ],
    [
      'a file written through a link to a parent',
      [dir('go/'), symlink('go/up', '.'), symlink('go/sub', 'up'), {name: 'go/sub/up/x', body: 'fine'}, symlink('go/d', 'sub/..'), {name: 'go/d/escaped', body: 'x'}],
      `refusing entry "go/d": its link target "sub/.." ${OUT} through the symbolic link "go/up"`
    ],
    [
      'a hard link to a symbolic link (its text would resolve from elsewhere)',
      [dir('go/a/b/'), symlink('go/a/b/l', '../../x'), {name: 'go/h', flag: '1', linkname: 'go/a/b/l'}],
      'refusing entry "go/h": it is a hard link to the symbolic link "go/a/b/l"'
    ],
    ['a hard link to nothing extracted', [dir('go/'), {name: 'go/h', flag: '1', linkname: 'go/missing'}], 'refusing entry "go/h": its link target "go/missing" is not a file extracted before it'],
    [
      'a link put where a directory is',
      [{name: 'go/d/x', body: 'x'}, symlink('go/d', 'elsewhere')],
      'refusing entry "go/d": it would replace the directory extracted there before it'
    ],
    ['an entry under a file', [{name: 'go/f', body: 'x'}, {name: 'go/f/x', body: 'x'}], 'refusing entry "go/f/x": its parent "go/f" is a file'],
    ['links that loop', [symlink('go/a', 'b'), symlink('go/b', 'a'), {name: 'go/a/x', body: 'x'}], 'refusing entry "go/a/x": its path loops through symbolic links ("go/a")'],
    [
      'a PAX path naming another file than the header',
      [paxHeader([['path', 'go/../../escaped-pax']]), {name: 'go/innocent', body: 'x'}],
      'refusing entry "go/../../escaped-pax": it would land outside the target directory'
    ],
    ['a PAX linkpath naming another target', [paxHeader([['linkpath', '../../..']]), symlink('go/l', 'ok')], `refusing entry "go/l": its link target "../../.." ${OUT}`],
    [
      'a PAX path holding a newline (read by its length, as tar does)',
      [paxHeader([['path', 'go/a\n/../../../escaped-newline']]), {name: 'go/innocent', body: 'x'}],
      `refusing entry ${JSON.stringify('go/a\n/../../../escaped-newline')}: it would land outside the target directory`
    ],
    [
      'a GNU long name',
      [gnuLongHeader('go/../../escaped-long'), {name: 'go/innocent', body: 'x', format: 'gnu'}],
      'refusing entry "go/../../escaped-long": it would land outside the target directory'
    ],
    ['a GNU long link name', [gnuLongHeader('../../../etc', 'K'), {...symlink('go/l', 'ok'), format: 'gnu'}], `refusing entry "go/l": its link target "../../../etc" ${OUT}`],
    ['a directory carrying data', [{...dir('go/'), body: 'x'.repeat(10)}], 'refusing entry "go/": a Directory entry that carries 10 bytes of data'],
    ['a character device', [{name: 'go/dev', flag: '3'}], 'refusing entry "go/dev": entries of type CharacterDevice do not belong in a Go archive'],
    ['a GNU sparse file', [{name: 'go/sparse', flag: 'S', body: 'x'}], 'refusing entry "go/sparse": entries of type SparseFile do not belong in a Go archive']
  ] as [string, (RawEntry | Buffer)[], string][])('refuses %s', async (_, parts, message) => {
    const {error, escaped} = await extractCrafted(parts)
    expect(error).toBeInstanceOf(ArchiveError)
    expect((error as Error).message).toContain(`bad.tar.gz: ${message}`)
    expect(escaped).toEqual([])
  })

  it.each([
    ['GNU.sparse.name, which GNU tar takes as the name', [['GNU.sparse.name', '../escaped-sparse']], 'a PAX header with the keyword "GNU.sparse.name", which does not belong in a Go archive (GNU tar would extract the entry under that name)'],
    [
      'a GNU 1.0 sparse header',
      [['GNU.sparse.major', '1'], ['GNU.sparse.minor', '0'], ['GNU.sparse.name', '../escaped-sparse'], ['GNU.sparse.realsize', '1']],
      'a PAX header with the keyword "GNU.sparse.major", which does not belong in a Go archive'
    ],
    ['GNU.sparse.realname', [['GNU.sparse.realname', '../escaped-realname']], 'a PAX header with the keyword "GNU.sparse.realname", which does not belong in a Go archive'],
    ['a keyword no reader agrees on', [['LIBARCHIVE.symlinktype', 'dir']], 'a PAX header with the keyword "LIBARCHIVE.symlinktype", which does not belong in a Go archive'],
    ['a NUL in a path', [['path', 'go/ok\0/../../escaped']], `the PAX path ${JSON.stringify('go/ok\0/../../escaped')} holds a NUL byte`]
  ] as [string, [string, string][], string][])('refuses a PAX header with %s', async (_, records, message) => {
    const {error, escaped} = await extractCrafted([paxHeader(records), {name: 'go/ok', body: 'x'}])
    expect((error as Error).message).toBe(`bad.tar.gz: not a valid tar archive: ${message} (at byte 0 of the unpacked archive)`)
    expect(escaped).toEqual([])
  })

  it.each([
    ['a global path', [paxHeader([['path', 'go/../../escaped-global']], 'g'), {name: 'go/ok', body: 'x'}], 'a global PAX header with the keyword "path", which does not belong in a Go archive (at byte 0'],
    ['a PAX path and a GNU long name for one entry', [gnuLongHeader('go/a'), paxHeader([['path', 'go/b']]), {name: 'go/c', body: 'x'}], 'an entry with both a PAX path and a GNU long name (at byte 2048'],
    ['a PAX header over 64 KB', [paxHeader([['comment', 'x'.repeat(70_000)]]), {name: 'go/ok', body: 'x'}], 'an extended header of 70015 bytes (more than 65536) (at byte 0'],
    ['a checksum that does not match', [Buffer.from(rawEntry({name: 'go/ok', body: 'x'}).fill(0x41, 0, 1))], 'a header whose checksum does not match (at byte 0'],
    ['data after the end-of-archive blocks', [{name: 'go/ok', body: 'x'}, Buffer.alloc(1024), rawEntry({name: 'go/../../hidden', body: 'x'})], 'data after the end-of-archive blocks (at byte 2048'],
    ['a lone zero block', [{name: 'go/ok', body: 'x'}, Buffer.alloc(512), rawEntry({name: 'go/../../hidden', body: 'x'})], 'a lone zero block in the middle of the archive (at byte 1536']
  ] as [string, (RawEntry | Buffer)[], string][])('refuses %s', async (_, parts, message) => {
    const {error, escaped} = await extractCrafted(parts)
    expect((error as Error).message).toContain(`bad.tar.gz: not a valid tar archive: ${message}`)
    expect(escaped).toEqual([])
  })

  it('follows links that stay inside go/, as tar does', async () => {
    const data = tarGzOf([dir('go/'), dir('go/b/c/'), symlink('go/a', 'b/c'), {name: 'go/a/through', body: 'via a link'}, symlink('go/up', 'b/../b'), {name: 'go/VERSION', body: 'go1.99.0'}, {name: 'go/hard', flag: '1', linkname: 'go/a/through'}])
    const dest = await target()
    await expect(extractTarGz(body(data), {archive: 'ok.tar.gz', url: 'http://x/', sha256: sha256(data), dest})).resolves.toMatchObject({entries: 7})
    expect(await readFile(path.join(dest, 'go/b/c/through'), 'utf8')).toBe('via a link')
    expect(await readFile(path.join(dest, 'go/hard'), 'utf8')).toBe('via a link')
  })

  it("accepts every header Go's archive/tar writes (USTAR prefixes, PAX records, a GNU long name, links)", async () => {
    const goroot = gorootOf('1.27')
    const work = await mkdtemp(path.join(root, 'writer-'))
    const dirs = sharedVersionDirs(goroot, versionAt(goroot), work)
    const env = {PATH: process.env.PATH ?? '', HOME: work, GOROOT: goroot, GOCACHE: dirs.gocache, GOPATH: dirs.gopath, GOENV: 'off', GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod'}
    const writer = path.resolve(import.meta.dirname, '../fixtures/archive-writer')
    const {stdout} = await promisify(execFile)(path.join(goroot, 'bin/go'), ['run', '.'], {cwd: writer, env, encoding: 'buffer', maxBuffer: 1 << 24})
    const dest = await target()
    const result = await extractTarGz(body(stdout), {archive: 'go1.99.0.linux-amd64.tar.gz', url: 'http://x/', sha256: sha256(stdout), dest})
    expect(result.entries).toBe(15)
    const long = `go/src/${'d'.repeat(120)}.go`
    expect(await readFile(path.join(dest, long), 'utf8')).toBe('package long\n')
    expect(await readFile(path.join(dest, `go/src/${'a'.repeat(60)}/${'b'.repeat(60)}/split.go`), 'utf8')).toBe('package split\n')
    expect(await readFile(path.join(dest, `go/src/${'g'.repeat(110)}.go`), 'utf8')).toBe('package gnu\n')
    expect(await readFile(path.join(dest, 'go/src/ünïcode.go'), 'utf8')).toBe('package unicode\n')
    expect(await readLink(path.join(dest, 'go/misc/long-link'))).toBe(`${'x/'.repeat(60)}target`)
    expect((await stat(path.join(dest, 'go/misc/VERSION.hard'))).nlink).toBe(2)
  }, 120_000)
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
    [[{name: 'go/link', data: '../..', mode: 0o120777}], 'go/link', 'symbolic links do not belong in a Go zip archive'],
    [[{name: 'go/f', data: 'x'}, {name: 'go/f/x', data: 'y'}], 'go/f/x', 'its parent "go/f" is a file'],
    [[{name: 'go/x', data: 'x'}, {name: 'go/x', data: 'y'}], 'go/x', 'it would replace the file extracted there before it']
  ])('refuses %j before extracting anything', async (entries, name, reason) => {
    const dest = await target()
    const file = path.join(dest, '..', 'bad.zip')
    await writeFile(file, zip(entries))
    await expect(extractVerifiedZip(file, dest, 'bad.zip')).rejects.toThrow(`bad.zip: refusing entry ${JSON.stringify(name)}: ${reason}`)
    expect(existsSync(path.join(dest, 'go'))).toBe(false)
  })

  it('refuses an entry whose local header names another file than the central directory', async () => {
    const dest = await target()
    const data = zip([{name: 'go/VERSION', data: 'go1.99.0'}, {name: 'go/aaaaaaa', data: 'x'}])
    // The second entry's local header follows the first's (30 + 10 + 8 bytes); same length, another name.
    data.write('../../evil', 48 + 30, 'latin1')
    const file = path.join(dest, '..', 'mismatch.zip')
    await writeFile(file, data)
    await expect(extractVerifiedZip(file, dest, 'mismatch.zip')).rejects.toThrow(`${file}: entry "go/aaaaaaa": its local header names it "../../evil"`)
    expect(existsSync(path.join(dest, 'go'))).toBe(false)
  })

  it('names a file that is not a zip', async () => {
    const file = path.join(root, 'not.zip')
    await writeFile(file, 'plain text')
    await expect(listZipEntries(file)).rejects.toThrow(`${file}: not a zip archive (no end of central directory record)`)
  })
})
