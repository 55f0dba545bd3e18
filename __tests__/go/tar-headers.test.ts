import {describe, expect, it} from '@jest/globals'
import {gunzipSync} from 'node:zlib'
import {TarFormatError, TarHeaderReader, type TarMember} from '../../src/go/tar-headers.js'
import {gnuLongHeader, paxHeader, tarGzOf} from '../helpers/tar-builder.js'

function read(tar: Buffer, chunk: number): TarMember[] {
  const members: TarMember[] = []
  const reader = new TarHeaderReader(m => void members.push(m))
  for (let at = 0; at < tar.length; at += chunk) reader.write(tar.subarray(at, at + chunk))
  reader.end()
  return members
}

const tar = gunzipSync(
  tarGzOf([
    {name: 'go/', flag: '5'},
    {name: 'go/VERSION', body: 'go1.99.0\n'},
    paxHeader([['path', `go/src/${'p'.repeat(150)}.go`], ['mtime', '1767323045.5']]),
    {name: 'go/src/short.go', body: 'x'.repeat(700)},
    gnuLongHeader(`go/src/${'l'.repeat(120)}.go`),
    {name: 'ignored', body: 'long', format: 'gnu'},
    {name: 'split.go', prefix: 'go/src/deep', body: ''},
    {name: 'go/misc/link', flag: '2', linkname: '../VERSION'}
  ])
)

describe('TarHeaderReader', () => {
  it('reads names as tar does (PAX path, GNU long name, USTAR prefix), whatever the chunk size', () => {
    const expected: TarMember[] = [
      {name: 'go/', type: 'Directory', linkpath: '', size: 0},
      {name: 'go/VERSION', type: 'File', linkpath: '', size: 9},
      {name: `go/src/${'p'.repeat(150)}.go`, type: 'File', linkpath: '', size: 700},
      {name: `go/src/${'l'.repeat(120)}.go`, type: 'File', linkpath: '', size: 4},
      {name: 'go/src/deep/split.go', type: 'File', linkpath: '', size: 0},
      {name: 'go/misc/link', type: 'SymbolicLink', linkpath: '../VERSION', size: 0}
    ]
    for (const chunk of [1, 7, 511, 512, 513, 4096, tar.length]) expect(read(tar, chunk)).toEqual(expected)
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
