import {describe, expect, it} from '@jest/globals'
import {createHash} from 'node:crypto'
import {buildManifest, formatManifest, ManifestError, parseManifest, type ToolchainManifest} from '../../src/toolchains/manifest.js'
import {EMPTY_SHA256, TarTreeRecorder} from '../../src/go/tar-tree.js'
import {isExecutedFile, treeDigest, type TreeEntry} from '../../src/toolchains/tree.js'
import type {TarMember} from '../../src/go/tar-headers.js'

const sha = (text: string): string => createHash('sha256').update(text).digest('hex')

const entries: TreeEntry[] = [
  {path: 'bin/go', type: 'file', mode: '0755', size: 3, sha256: sha('go!')},
  {path: 'VERSION', type: 'file', mode: '0644', size: 9, sha256: sha('go1.99.0\n')},
  {path: 'bin', type: 'dir', mode: '0755'},
  {path: 'misc/version', type: 'symlink', target: '../VERSION'},
  {path: 'src/ünïcode.go', type: 'file', mode: '0644', size: 0, sha256: EMPTY_SHA256}
]

function manifest(): ToolchainManifest {
  return buildManifest({
    version: '1.99.0',
    os: 'linux',
    arch: 'amd64',
    source: {url: 'https://go.dev/dl/go1.99.0.linux-amd64.tar.gz', archive: 'go1.99.0.linux-amd64.tar.gz', sha256: 'a'.repeat(64)},
    installedAt: new Date('2026-11-30T10:00:00Z'),
    installer: 'go-matrix 0.1.0',
    entries
  })
}

describe('the install manifest', () => {
  it('lists the entries by path (UTF-8 bytes) with totals and a digest anyone can recompute from the lines it shows', () => {
    const m = manifest()
    expect(m.tree.entries.map(e => e.path)).toEqual(['VERSION', 'bin', 'bin/go', 'misc/version', 'src/ünïcode.go'])
    expect([m.tree.files, m.tree.directories, m.tree.symlinks, m.tree.bytes]).toEqual([3, 1, 1, 12])
    const text = formatManifest(m)
    // The digest is sha256 over the entry lines exactly as the file shows them, each with a newline.
    const lines = text.split('\n').filter(line => line.startsWith('      {')).map(line => line.trim().replace(/,$/, ''))
    expect(lines).toHaveLength(5)
    expect(m.tree.digest).toBe(`sha256:${sha(lines.map(line => `${line}\n`).join(''))}`)
    expect(lines[1]).toBe('{"path":"bin","type":"dir","mode":"0755"}')
    expect(lines[2]).toBe(`{"path":"bin/go","type":"file","mode":"0755","size":3,"sha256":"${sha('go!')}"}`)
  })

  it('reads back what it writes', () => {
    const m = manifest()
    expect(parseManifest(formatManifest(m), 'x64.manifest.json')).toEqual(m)
    expect(JSON.parse(formatManifest(m))).toEqual(m)
  })

  /** The manifest's JSON, loosely typed so that a test can break it in any way. */
  type Loose = {manifestVersion: unknown; tree: {entries: [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, ...Record<string, unknown>[]]; digest: string; files: number; directories: number}}
  const edit = (change: (json: Loose) => void): string => {
    const json = JSON.parse(formatManifest(manifest())) as Loose
    change(json)
    return JSON.stringify(json)
  }

  it.each([
    ['not JSON', '{', /^m\.json: not JSON: /],
    ['another manifest version', edit(j => (j.manifestVersion = 2)), /^m\.json: manifestVersion 2 is not 1$/],
    ['an entry changed after writing', edit(j => (j.tree.entries[2].size = 4)), /^m\.json: tree\.digest sha256:[0-9a-f]{64} does not match its entries \(sha256:[0-9a-f]{64}\): the manifest was changed after it was written$/],
    ['entries out of order', edit(j => j.tree.entries.reverse()), /^m\.json: tree\.entries: not sorted by path$/],
    ['a path that climbs out', edit(j => (j.tree.entries[0].path = '../VERSION')), /^m\.json: tree\.entries\[0\]: expected an entry with a relative path inside the GOROOT$/],
    ['a mode that is not octal', edit(j => (j.tree.entries[0].mode = '644')), /^m\.json: tree\.entries\[0\]: mode: expected four octal digits such as 0644$/],
    ['a short content hash', edit(j => (j.tree.entries[0].sha256 = 'abc')), /^m\.json: tree\.entries\[0\]: sha256: expected 64 hexadecimal digits$/],
    ['a count that disagrees', edit(j => (j.tree.files = 2)), /^m\.json: tree\.files is 2, but the entries hold 3$/],
    ['an unknown type', edit(j => (j.tree.entries[0].type = 'fifo')), /^m\.json: tree\.entries\[0\]: type: expected file, dir or symlink$/]
  ])('refuses %s, saying what and where', (_, text, message) => {
    expect(() => parseManifest(text, 'm.json')).toThrow(ManifestError)
    expect(() => parseManifest(text, 'm.json')).toThrow(message)
  })

  it('counts a listed path twice as an error', () => {
    const twice = edit(j => {
      j.tree.entries.splice(1, 0, j.tree.entries[1])
      j.tree.digest = treeDigest(j.tree.entries as unknown as TreeEntry[])
      j.tree.directories = 2
    })
    expect(() => parseManifest(twice, 'm.json')).toThrow('m.json: tree.entries: bin is listed twice')
  })
})

describe('TarTreeRecorder', () => {
  const member = (name: string, type: TarMember['type'], extra: Partial<TarMember> = {}): TarMember => ({name, type, linkpath: '', size: 0, mode: 0o644, ...extra})

  it('hashes each file from its data in pieces, records links by target and hard links as their target file', () => {
    const tree = new TarTreeRecorder()
    tree.member(member('go/', 'Directory', {mode: 0o40755}))
    tree.member(member('go/bin/go', 'File', {size: 6, mode: 0o100755}))
    tree.data(Buffer.from('ab'))
    tree.data(Buffer.from('cdef'))
    tree.member(member('./go/empty', 'File'))
    tree.member(member('go/misc/go', 'Link', {linkpath: 'go/bin/go'}))
    tree.member(member('go/misc/up', 'SymbolicLink', {linkpath: '../bin'}))
    expect(tree.finish()).toEqual([
      {path: 'bin/go', type: 'file', mode: '0755', size: 6, sha256: sha('abcdef')},
      {path: 'empty', type: 'file', mode: '0644', size: 0, sha256: sha('')},
      {path: 'misc/go', type: 'file', mode: '0755', size: 6, sha256: sha('abcdef')},
      {path: 'misc/up', type: 'symlink', target: '../bin'}
    ])
  })

  it('refuses a stream whose file data stops short', () => {
    const tree = new TarTreeRecorder()
    tree.member(member('go/a', 'File', {size: 4}))
    tree.data(Buffer.from('ab'))
    expect(() => tree.finish()).toThrow('tar stream: a ended 2 bytes early')
  })
})

describe('isExecutedFile', () => {
  it.each([
    ['bin/go', true],
    ['bin/gofmt', true],
    ['pkg/tool/linux_amd64/compile', true],
    ['pkg/tool/linux_amd64', false],
    ['pkg/include/textflag.h', false],
    ['src/cmd/go/main.go', false],
    ['bin', false]
  ])('%s: %p', (file, expected) => {
    expect(isExecutedFile(file)).toBe(expected)
  })
})
