import {describe, expect, it} from '@jest/globals'
import {gunzipSync} from 'node:zlib'
import {TarFormatError, TarHeaderReader, type TarMember} from '../../src/go/tar-headers.js'
import {gnuLongHeader, paxHeader, tarGzOf} from '../helpers/tar-builder.js'

function read(tar: Buffer, chunk: number): TarMember[] {
  return readWithData(tar, chunk).map(m => m.member)
}

/** Each member with the data shown to onData after its header, joined. */
function readWithData(tar: Buffer, chunk: number): {member: TarMember; data: string}[] {
  const members: {member: TarMember; data: Buffer[]}[] = []
  const reader = new TarHeaderReader(
    member => void members.push({member, data: []}),
    data => void members[members.length - 1]?.data.push(Buffer.from(data))
  )
  for (let at = 0; at < tar.length; at += chunk) reader.write(tar.subarray(at, at + chunk))
  reader.end()
  return members.map(m => ({member: m.member, data: Buffer.concat(m.data).toString()}))
}

const tar = gunzipSync(
  tarGzOf([
    {name: 'go/', flag: '5', mode: 0o755},
    {name: 'go/VERSION', body: 'go1.99.0\n'},
    paxHeader([['path', `go/src/${'p'.repeat(150)}.go`], ['mtime', '1767323045.5']]),
    {name: 'go/src/short.go', body: 'x'.repeat(700)},
    gnuLongHeader(`go/src/${'l'.repeat(120)}.go`),
    {name: 'ignored', body: 'long', format: 'gnu'},
    {name: 'split.go', prefix: 'go/src/deep', body: ''},
    {name: 'go/misc/link', flag: '2', linkname: '../VERSION', mode: 0o777}
  ])
)

describe('TarHeaderReader', () => {
  it('reads names as tar does (PAX path, GNU long name, USTAR prefix), whatever the chunk size', () => {
    const expected: TarMember[] = [
      {name: 'go/', type: 'Directory', linkpath: '', size: 0, mode: 0o755},
      {name: 'go/VERSION', type: 'File', linkpath: '', size: 9, mode: 0o644},
      {name: `go/src/${'p'.repeat(150)}.go`, type: 'File', linkpath: '', size: 700, mode: 0o644},
      {name: `go/src/${'l'.repeat(120)}.go`, type: 'File', linkpath: '', size: 4, mode: 0o644},
      {name: 'go/src/deep/split.go', type: 'File', linkpath: '', size: 0, mode: 0o644},
      {name: 'go/misc/link', type: 'SymbolicLink', linkpath: '../VERSION', size: 0, mode: 0o777}
    ]
    for (const chunk of [1, 7, 511, 512, 513, 4096, tar.length]) expect(read(tar, chunk)).toEqual(expected)
  })

  it("shows each member's data, and nothing else (no padding, no header, no PAX record), whatever the chunk size", () => {
    const data = ['', 'go1.99.0\n', 'x'.repeat(700), 'long', '', '']
    for (const chunk of [1, 7, 511, 512, 513, 4096, tar.length]) expect(readWithData(tar, chunk).map(m => m.data)).toEqual(data)
  })

  it('refuses a stream that ends inside an entry', () => {
    expect(() => read(tar.subarray(0, 512 * 3 + 100), 512)).toThrow(new TarFormatError('the archive ends in the middle of an entry', 512 * 3 + 100))
  })

  it('honours a PAX size over the header’s, so the next header is where tar looks for it', () => {
    const sized = gunzipSync(tarGzOf([paxHeader([['size', '1024']]), {name: 'go/a', body: 'y'.repeat(1024), size: 0}, {name: 'go/b', body: 'z'}]))
    expect(read(sized, 100).map(m => [m.name, m.size])).toEqual([
      ['go/a', 1024],
      ['go/b', 1]
    ])
  })
})
