/**
 * The parser's fast paths (parse.ts, repeated-lines.ts, byte-words.ts) and the compact line
 * storage (lines.ts) against a plain reference: every profile here is also parsed line by line
 * with a regular expression and merged in a Map, and both must agree exactly. The inputs are
 * shaped to reach each path: blocks repeated in the same order (the expected-line path), in
 * shuffled orders (the hash lookup), long runs of new blocks (lookups switched off, then on
 * again), lines straddling read chunks, CRLF, concatenated profiles, and names whose length is
 * not a multiple of 4 bytes.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {lineCoverage, summarizeLines} from '../../src/coverage/lines.js'
import {CoverageError, blocksOf} from '../../src/coverage/model.js'
import type {Block, CoverMode} from '../../src/coverage/model.js'
import {parseProfile} from '../../src/coverage/parse.js'
import {readProfile} from '../../src/files/read-profile.js'
import {profileOf} from '../../src/coverage/blocks-builder.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-fast-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** The reference: a regular expression per line and a Map, merging as Go does. */
function reference(mode: CoverMode, lines: string[]): Block[] {
  const merged = new Map<string, Block>()
  for (const line of lines) {
    const m = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)\r?$/.exec(line)
    if (m === null) throw new Error(`reference cannot parse ${line}`)
    const b: Block = {file: m[1] as string, startLine: +(m[2] as string), startCol: +(m[3] as string), endLine: +(m[4] as string), endCol: +(m[5] as string), numStmt: +(m[6] as string), count: +(m[7] as string)}
    const key = `${b.file}:${b.startLine}.${b.startCol},${b.endLine}.${b.endCol}`
    const seen = merged.get(key)
    if (seen === undefined) merged.set(key, b)
    else seen.count = mode === 'set' ? seen.count | b.count : seen.count + b.count
  }
  return blocksOf(profileOf(mode, merged.values()))
}

/** A deterministic pseudo-random sequence (the tests must not vary from run to run). */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return state / 2 ** 32
  }
}

/** `blocks` block lines over `files` files; names of every length modulo 4, some multi-byte. */
function blockLines(files: number, blocks: number): string[] {
  const lines: string[] = []
  for (let i = 0; i < blocks; i++) {
    const f = i % files
    const name = `example.com/m/p${f % 7}/${'x'.repeat(f % 4)}${f % 5 === 0 ? 'ü' : ''}f${f}.go`
    const line = 1 + Math.floor(i / files) * 3
    lines.push(`${name}:${line}.${2 + (i % 9)},${line + (i % 3)}.${10 + (i % 11)} ${1 + (i % 4)}`)
  }
  return lines
}

/** N "test binaries" writing the same blocks (without counts), each with its own counts. */
function binaries(keys: string[], count: number, next: () => number, order: 'same' | 'shuffled'): string[] {
  const out: string[] = []
  for (let b = 0; b < count; b++) {
    const list = [...keys]
    if (order === 'shuffled') {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[list[i], list[j]] = [list[j] as string, list[i] as string]
      }
    }
    for (const key of list) out.push(`${key} ${next() < 0.6 ? 0 : Math.floor(next() * 1000)}`)
  }
  return out
}

function text(mode: CoverMode, lines: string[], lineBreak = '\n'): string {
  return [`mode: ${mode}`, ...lines].join(lineBreak) + lineBreak
}

describe('repeated blocks (the fast paths) give what a plain parse gives', () => {
  it.each([
    ['count, same order per binary', 'count', 'same'],
    ['count, shuffled per binary', 'count', 'shuffled'],
    ['set, same order per binary', 'set', 'same'],
    ['atomic, shuffled per binary', 'atomic', 'shuffled']
  ] as const)('%s', (_, mode, order) => {
    const next = random(7)
    const keys = blockLines(13, 3000)
    const lines = binaries(keys, 12, next, order).map(line => (mode === 'set' ? line.replace(/ \d+$/, ` ${next() < 0.5 ? 0 : 1}`) : line))
    expect(blocksOf(parseProfile(text(mode, lines)))).toEqual(reference(mode, lines))
  })

  it('merges counts written with leading zeros with the same block', () => {
    const lines = ['m/a.go:1.1,2.2 1 5', 'm/a.go:1.1,2.2 1 05', 'm/a.go:1.1,2.2 1 007', 'm/a.go:1.1,2.2 1 1']
    expect(blocksOf(parseProfile(text('count', lines)))).toEqual([{file: 'm/a.go', startLine: 1, startCol: 1, endLine: 2, endCol: 2, numStmt: 1, count: 18}])
  })

  it('keeps blocks apart that differ only in their last bytes', () => {
    const lines: string[] = []
    for (let r = 0; r < 5; r++) for (const end of ['2.2', '2.23', '2.24', '2.3', '22.2']) lines.push(`m/abc.go:1.1,${end} 1 ${r}`)
    const profile = parseProfile(text('count', lines))
    expect(blocksOf(profile)).toEqual(reference('count', lines))
    expect(blocksOf(profile)).toHaveLength(5)
  })

  it('reads CRLF profiles of repeated blocks as LF ones', () => {
    const lines = binaries(blockLines(3, 500), 6, random(3), 'same')
    expect(parseProfile(text('count', lines, '\r\n'))).toEqual(parseProfile(text('count', lines)))
  })

  it('reads profiles concatenated with cat, each repeating the blocks of the one before', () => {
    const keys = blockLines(4, 800)
    const next = random(11)
    const parts = [0, 1, 2].map(() => text('count', binaries(keys, 3, next, 'same')))
    const all = parts.flatMap(part => part.trimEnd().split('\n').slice(1))
    expect(blocksOf(parseProfile(parts.join('')))).toEqual(reference('count', all))
  })

  it('looks repeats up again after a long run of new blocks', () => {
    // 40,000 new blocks (more than the lookups tolerate in a row), then all of them again twice.
    const keys = blockLines(50, 40_000)
    const lines = binaries(keys, 3, random(5), 'same')
    expect(blocksOf(parseProfile(text('count', lines)))).toEqual(reference('count', lines))
  })

  it('streams repeated blocks across read chunks, CRLF included, as the string parser reads them', async () => {
    const lines = binaries(blockLines(9, 4000), 8, random(9), 'same')
    const file = path.join(tmp, 'repeated.out')
    writeFileSync(file, text('count', lines, '\r\n'))
    const streamed = await readProfile(file)
    expect(streamed).toEqual(parseProfile(text('count', lines)))
    expect(blocksOf(streamed)).toEqual(reference('count', lines))
  })
})

describe('errors on repeated lines still name the file, the line number and the line', () => {
  /** 3 binaries of 2,000 blocks in the same order (every fast path warm), then `last`. */
  function warmed(last: string, before = ''): string {
    const keys = blockLines(5, 2000)
    const lines = binaries(keys, 3, random(1), 'same')
    return text('count', lines) + before + last + '\n'
  }
  const lineNumber = 1 + 3 * 2000 + 1
  const FORMAT = 'expected "file:startLine.startCol,endLine.endCol numStmt count"'
  const first = blockLines(5, 2000)[0] as string

  it.each([
    ['a different statement count', `${first.replace(/ \d+$/, ' 9')} 1`, `the same block had 1 statements before and 9 here (profiles of different sources?)`],
    ['a negative count', `${first} -3`, 'negative count -3'],
    ['a count of 16 digits', `${first} 1234567890123456`, FORMAT],
    ['a fractional count', `${first} 1.5`, FORMAT],
    ['a trailing space', `${first} 1 `, FORMAT],
    ['two spaces before the count', `${first}  1`, FORMAT],
    ['no count', `${first} `, FORMAT]
  ])('%s', (_, last, message) => {
    const profile = warmed(last)
    expect(() => parseProfile(profile, 'c.out')).toThrow(CoverageError)
    expect(() => parseProfile(profile, 'c.out')).toThrow(`c.out:${lineNumber}: ${message}, got ${JSON.stringify(last)}`)
  })

  it('a repeated line after a blank line', () => {
    expect(() => parseProfile(warmed(`${first} 1`, '\n'), 'c.out')).toThrow(`c.out:${lineNumber}: blank line inside the profile`)
  })

  it('a different statement count in the middle of a shuffled binary', () => {
    const keys = blockLines(5, 2000)
    const lines = binaries(keys, 4, random(2), 'shuffled')
    const at = 3 * 2000 + 777
    const bad = (lines[at] as string).replace(/ (\d+) (\d+)$/, (_, n: string, c: string) => ` ${Number(n) + 1} ${c}`)
    lines[at] = bad
    expect(() => parseProfile(text('count', lines), 'c.out')).toThrow(`c.out:${at + 2}: the same block had`)
  })

  it('in a streamed file, across chunks', async () => {
    const file = path.join(tmp, 'bad.out')
    writeFileSync(file, warmed(`${first} -3`).replace(/\n/g, '\r\n'))
    await expect(readProfile(file)).rejects.toThrow(`${file}:${lineNumber}: negative count -3`)
  })
})

describe('blocks out of order (the index built on the first one)', () => {
  it('merges a repeat of an earlier block and sorts blocks that came out of order', () => {
    const lines = ['m/a.go:5.1,6.2 1 1', 'm/a.go:9.1,9.5 2 1', 'm/a.go:5.1,6.2 1 2', 'm/a.go:1.1,2.1 1 0', 'm/a.go:9.1,9.5 2 4', 'm/a.go:7.1,7.3 1 1', 'm/a.go:1.1,2.1 1 1']
    expect(blocksOf(parseProfile(text('count', lines)))).toEqual(reference('count', lines))
  })

  it('still reports a different statement count for a block seen long before', () => {
    const lines = ['m/a.go:5.1,6.2 1 1', 'm/a.go:9.1,9.5 2 1', 'm/a.go:5.1,6.2 3 1']
    expect(() => parseProfile(text('count', lines), 'c.out')).toThrow('c.out:4: the same block had 1 statements before and 3 here')
  })
})

describe('line hits kept in the narrowest array', () => {
  it.each([
    ['bytes', [0, 1, 254]],
    ['the byte limit itself', [255, 0]],
    ['16 bits', [256, 65_534, 3]],
    ['the 16-bit limit itself', [65_535]],
    ['32 bits', [70_000, 4_294_967_294]],
    ['the 32-bit limit itself', [4_294_967_295]],
    ['beyond 32 bits', [2 ** 40, 1]],
    ['fractions', [0.5, 2]]
  ])('%s', (_, counts) => {
    const blocks = counts.map((count, i): Block => ({file: 'm/a.go', startLine: 1 + 3 * i, startCol: 1, endLine: 2 + 3 * i, endCol: 2, numStmt: 1, count}))
    const lines = lineCoverage(profileOf('count', blocks)).get('m/a.go')
    expect(lines && [...lines]).toEqual(counts.flatMap((count, i) => [[1 + 3 * i, count], [2 + 3 * i, count]]))
    expect(lines?.get(3)).toBeUndefined()
    expect(lines?.has(3)).toBe(false)
    expect(lines?.get(1)).toBe(counts[0])
    expect(summarizeLines(lineCoverage(profileOf('count', blocks))).total).toEqual({
      covered: 2 * counts.filter(c => c > 0).length,
      total: 2 * counts.length,
      percent: expect.any(Number)
    })
  })
})
