import {createWriteStream, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {mergeProfiles} from '../../src/coverage/merge.js'
import {CoverageError, blocksOf} from '../../src/coverage/model.js'
import {parseProfile} from '../../src/coverage/parse.js'
import {readProfile} from '../../src/files/read-profile.js'
import {formatProfile} from '../../src/coverage/go-profile.js'
import {block, makeProfile, profileText} from './builders.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-parse-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

describe('parseProfile', () => {
  it('reads blocks, sorted by file and position', () => {
    const profile = parseProfile(profileText('set', ['b/b.go:3.1,4.2 1 0', 'a/a.go:9.1,9.20 2 1', 'a/a.go:2.5,5.1 3 1']))
    expect(profile).toEqual(
      makeProfile('set', [
        ['a/a.go', '2.5,5.1', 3, 1],
        ['a/a.go', '9.1,9.20', 2, 1],
        ['b/b.go', '3.1,4.2', 1, 0]
      ])
    )
  })

  it('reads file names containing ":" from the right (Windows drive letters)', () => {
    const profile = parseProfile(profileText('count', ['C:\\src\\m\\a.go:10.2,12.3 1 7', 'C:/x:y/b.go:1.1,1.9 2 0']))
    expect(blocksOf(profile).map(b => [b.file, b.startLine, b.count])).toEqual([
      ['C:/x:y/b.go', 1, 0],
      ['C:\\src\\m\\a.go', 10, 7]
    ])
  })

  it.each([
    ['set', [1, 0, 1], 1],
    ['set', [0, 0], 0],
    ['count', [2, 3, 0], 5],
    ['atomic', [4, 4], 8]
  ] as const)('merges identical blocks in %s mode as Go does: %j -> %i', (mode, counts, merged) => {
    const profile = parseProfile(profileText(mode, counts.map(c => `m/a.go:1.1,2.2 3 ${c}`)))
    expect(blocksOf(profile)).toEqual([block('m/a.go', '1.1,2.2', 3, merged)])
  })

  it('merges blocks on lines far beyond any real file without a line-indexed array', () => {
    const profile = parseProfile(profileText('count', ['m/a.go:2000000000.1,2000000000.9 1 2', 'm/a.go:3.1,4.1 1 1', 'm/a.go:2000000000.1,2000000000.9 1 3']))
    expect(blocksOf(profile)).toEqual([block('m/a.go', '3.1,4.1', 1, 1), block('m/a.go', '2000000000.1,2000000000.9', 1, 5)])
  })

  it('keeps blocks that only overlap apart', () => {
    const profile = parseProfile(profileText('count', ['m/a.go:1.1,2.2 1 1', 'm/a.go:1.1,3.2 1 1', 'm/a.go:1.5,2.2 1 1']))
    expect(blocksOf(profile)).toHaveLength(3)
  })

  it.each([
    ['CRLF line endings', 'mode: set\r\nm/a.go:1.1,2.2 1 1\r\n'],
    ['trailing blank lines', 'mode: set\nm/a.go:1.1,2.2 1 1\n\n\n'],
    ['no final line break', 'mode: set\nm/a.go:1.1,2.2 1 1'],
    ['profiles concatenated with cat', 'mode: set\nm/a.go:1.1,2.2 1 0\nmode: set\nm/a.go:1.1,2.2 1 1\n'],
    ['a blank line before a repeated mode line', 'mode: set\nm/a.go:1.1,2.2 1 1\n\nmode: set\n']
  ])('is lenient with %s', (_, text) => {
    expect(blocksOf(parseProfile(text, 'c.out'))).toEqual([block('m/a.go', '1.1,2.2', 1, 1)])
  })

  it.each([
    ['an empty file', '', 'c.out: empty profile: expected "mode: set|count|atomic" as the first line'],
    ['a missing mode line', 'm/a.go:1.1,2.2 1 1\n', 'c.out:1: expected "mode: set|count|atomic" as the first line, got "m/a.go:1.1,2.2 1 1"'],
    ['a bad mode', 'mode: sometimes\n', 'c.out:1: bad mode line: expected "mode: set", "mode: count" or "mode: atomic", got "mode: sometimes"'],
    ['a mode without space', 'mode:set\n', 'c.out:1: bad mode line'],
    ['two modes', 'mode: set\nm/a.go:1.1,2.2 1 1\nmode: count\n', 'c.out:3: mode count differs from mode set of the lines above'],
    ['a negative count', 'mode: count\nm/a.go:1.1,2.2 1 -3\n', 'c.out:2: negative count -3, got "m/a.go:1.1,2.2 1 -3"'],
    ['a missing count', 'mode: set\nm/a.go:1.1,2.2 1\n', 'c.out:2: expected "file:startLine.startCol,endLine.endCol numStmt count", got "m/a.go:1.1,2.2 1"'],
    ['a bad range', 'mode: set\nm/a.go:1.1-2.2 1 1\n', 'c.out:2: expected "file:startLine.startCol'],
    ['a missing file', 'mode: set\n:1.1,2.2 1 1\n', 'c.out:2: expected'],
    ['a non-numeric count', 'mode: set\nm/a.go:1.1,2.2 1 x\n', 'c.out:2: expected'],
    ['a fractional count', 'mode: set\nm/a.go:1.1,2.2 1 1.5\n', 'c.out:2: expected'],
    ['two spaces', 'mode: set\nm/a.go:1.1,2.2  1 1\n', 'c.out:2: expected'],
    ['a line number beyond 32 bits', 'mode: set\nm/a.go:3000000000.1,3000000000.2 1 1\n', 'c.out:2: line, column or statement number too large'],
    ['a number of 16 digits', 'mode: set\nm/a.go:1.1,2.2 1 1234567890123456\n', 'c.out:2: expected'],
    ['a blank line in the middle', 'mode: set\nm/a.go:1.1,2.2 1 1\n\nm/a.go:3.1,4.2 1 1\n', 'c.out:3: blank line inside the profile'],
    ['one block with two statement counts', 'mode: set\nm/a.go:1.1,2.2 1 1\nm/a.go:1.1,2.2 2 1\n', 'c.out:3: the same block had 1 statements before and 2 here']
  ])('rejects %s, saying where', (_, text, message) => {
    expect(() => parseProfile(text, 'c.out')).toThrow(CoverageError)
    expect(() => parseProfile(text, 'c.out')).toThrow(message)
  })
})

describe('readProfile', () => {
  it('streams a file and gives the same profile as the string parser', async () => {
    const text = profileText('count', ['m/a.go:1.1,2.2 1 1', 'm/b.go:3.1,4.2 2 0', 'm/a.go:1.1,2.2 1 4', 'm/é/ü.go:1.1,1.5 1 2'])
    const file = path.join(tmp, 'small.out')
    writeFileSync(file, text.replace(/\n/g, '\r\n'))
    expect(await readProfile(file)).toEqual(parseProfile(text))
  })

  it('reads lines across chunk boundaries: multi-byte names split between chunks, a line longer than a chunk', async () => {
    const lines: string[] = []
    for (let i = 1; i <= 20_000; i++) lines.push(`example.com/m/päckage${'é'.repeat(i % 23)}/ü${i % 7}.go:${i}.1,${i}.${i % 50 + 2} ${i % 4} ${i % 3}`)
    lines.splice(5000, 0, `example.com/m/${'x'.repeat(200_000)}.go:1.1,1.2 1 1`)
    const text = profileText('count', lines)
    const file = path.join(tmp, 'chunks.out')
    writeFileSync(file, text.slice(0, -1))
    const streamed = await readProfile(file)
    expect(streamed).toEqual(parseProfile(text))
    expect(streamed.files).toHaveLength(7 * 23 + 1)
  })

  it('names the file and line of a bad line deep in a large file', async () => {
    const file = path.join(tmp, 'large.out')
    const out = createWriteStream(file)
    out.write('mode: atomic\n')
    for (let i = 1; i <= 300_000; i++) out.write(`example.com/m/p${i % 97}/f${i % 13}.go:${i}.2,${i + 1}.3 1 ${i % 3}\n`)
    out.write('example.com/m/x.go:1.1,2.2 1 -1\n')
    await new Promise(resolve => out.end(resolve))
    await expect(readProfile(file)).rejects.toThrow(`${file}:300002: negative count -1`)
  })

  it('reads 300,000 lines into merged, sorted blocks', async () => {
    const file = path.join(tmp, 'repeated.out')
    const lines = ['mode: count']
    for (let i = 0; i < 300_000; i++) lines.push(`example.com/m/p${i % 10}/a.go:${i % 1000}.1,${i % 1000}.9 1 1`)
    writeFileSync(file, lines.join('\n') + '\n')
    const profile = await readProfile(file)
    expect(blocksOf(profile)).toHaveLength(1000)
    expect(blocksOf(profile).every(b => b.count === 300)).toBe(true)
    expect(blocksOf(profile)[0]).toEqual(block('example.com/m/p0/a.go', '0.1,0.9', 1, 300))
  })

  it('says which file it cannot read', async () => {
    await expect(readProfile(path.join(tmp, 'missing.out'))).rejects.toThrow(/missing\.out: cannot read the profile: ENOENT/)
  })
})

describe('mergeProfiles', () => {
  const a = makeProfile('count', [['m/a.go', '1.1,2.2', 1, 1], ['m/a.go', '3.1,4.2', 2, 0]])
  const b = makeProfile('count', [['m/a.go', '1.1,2.2', 1, 2], ['m/b.go', '1.1,1.2', 1, 1]])

  it('sums counts of identical blocks and keeps the others, without touching its inputs', () => {
    const before = JSON.stringify([a, b])
    expect(mergeProfiles([{name: 'a', profile: a}, {name: 'b', profile: b}])).toEqual(
      makeProfile('count', [['m/a.go', '1.1,2.2', 1, 3], ['m/a.go', '3.1,4.2', 2, 0], ['m/b.go', '1.1,1.2', 1, 1]])
    )
    expect(JSON.stringify([a, b])).toBe(before)
  })

  it('ORs set profiles', () => {
    const x = makeProfile('set', [['m/a.go', '1.1,2.2', 1, 1]])
    const y = makeProfile('set', [['m/a.go', '1.1,2.2', 1, 1]])
    expect(blocksOf(mergeProfiles([{name: 'x', profile: x}, {name: 'y', profile: y}]))[0]?.count).toBe(1)
  })

  it('refuses different modes, naming both', () => {
    const x = makeProfile('set', [])
    expect(() => mergeProfiles([{name: 'go1.21/coverage.out', profile: a}, {name: 'go1.22/coverage.out', profile: x}])).toThrow(
      'go1.22/coverage.out: mode set differs from mode count of go1.21/coverage.out'
    )
  })

  it('refuses one block with different statement counts, naming both', () => {
    const x = makeProfile('count', [['m/a.go', '1.1,2.2', 5, 1]])
    expect(() => mergeProfiles([{name: 'a.out', profile: a}, {name: 'x.out', profile: x}])).toThrow('x.out: block m/a.go:1.1,2.2 has 5 statements, but 1 in a.out')
  })

  it('writes a Go profile that parses back to itself', () => {
    const merged = mergeProfiles([{name: 'a', profile: a}, {name: 'b', profile: b}])
    expect(parseProfile(formatProfile(merged))).toEqual(merged)
    expect(formatProfile(merged)).toBe('mode: count\nm/a.go:1.1,2.2 1 3\nm/a.go:3.1,4.2 2 0\nm/b.go:1.1,1.2 1 1\n')
  })
})
