/**
 * Hostile and damaged profiles cost in proportion to their size, not to the numbers in them: a
 * block's line span is bounded (lineBudget), a profile naming a million files stays cheap, and an
 * impossible block is an error naming the file and line. The bundle's commands are measured in a
 * child process (time and peak memory).
 */
import {createWriteStream, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {profileOf} from '../../src/coverage/blocks-builder.js'
import {lineCoverage, summarizeLines} from '../../src/coverage/lines.js'
import {CoverageError, lastLineOf, lineBudget} from '../../src/coverage/model.js'
import type {Block} from '../../src/coverage/model.js'
import {parseProfile} from '../../src/coverage/parse.js'
import {runMeasured} from '../helpers/measured.js'
import {analysed, writeLeg} from '../aggregate/legs-builder.js'
import {fixtureRuns} from './fixtures.js'

const repo = path.resolve(import.meta.dirname, '../..')
const cli = path.join(repo, 'dist/cli.js')
const tmp = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-bounds-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))
const MB = 2 ** 20

describe('a block covers the lines it covers a character of', () => {
  it.each([
    ['ends at column 1 of a later line (Go 1.27 before `} else {`)', [7, 3, 8, 1], 7],
    ['ends inside its last line', [8, 8, 10, 3], 10],
    ['one line', [5, 2, 5, 11], 5],
    ['ends where it starts (Go 1.27 empty function body)', [50, 15, 50, 15], 49],
    ['ends at column 1 two lines on', [6, 3, 8, 1], 7]
  ])('%s', (_, [startLine, startCol, endLine, endCol], last) => {
    expect(lastLineOf(startLine as number, startCol as number, endLine as number, endCol as number)).toBe(last)
  })
})

describe('line spans are bounded by the profile', () => {
  it('refuses a block spanning 2^31 lines at once, naming the profile line', () => {
    const started = performance.now()
    expect(() => parseProfile('mode: set\nexample.com/m/m.go:1.1,2147483647.1 5 1\n', 'c.out')).toThrow(
      /^c\.out:2: the profile's blocks cover 2147483646 lines in all, more than the 1048592 a profile of 1 block can \(.*\); this block alone covers 2147483646: .*, got "example\.com\/m\/m\.go:1\.1,2147483647\.1 5 1"$/
    )
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('refuses a block that ends before it starts', () => {
    expect(() => parseProfile('mode: set\nm/a.go:1.1,2.2 1 1\nm/a.go:9.1,3.4 1 1\n', 'c.out')).toThrow('c.out:3: the block ends before it starts, got "m/a.go:9.1,3.4 1 1"')
    expect(() => parseProfile('mode: set\nm/a.go:9.5,9.4 1 1\n', 'c.out')).toThrow('c.out:2: the block ends before it starts')
  })

  it('refuses many overlapping blocks whose lines add up beyond the budget, quickly', () => {
    // 100,000 distinct blocks each over lines 1-1000: 10^8 lines to fill before the bound.
    const lines = ['mode: count']
    for (let i = 0; i < 100_000; i++) lines.push(`m/a.go:1.${i + 1},1000.${i + 2} 1 1`)
    const started = performance.now()
    expect(() => parseProfile(lines.join('\n'), 'c.out')).toThrow(/^c\.out:2: the profile's blocks cover 100000000 lines in all, more than the 2648576 a profile of 100000 blocks can /)
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('accepts what real Go code does: a 2,239-line composite literal (html/entity.go) among ordinary blocks', () => {
    const profile = parseProfile('mode: set\nhtml/entity.go:27.21,2265.2 2 1\nhtml/escape.go:10.1,12.2 1 0\n')
    expect(summarizeLines(lineCoverage(profile)).total).toEqual({covered: 2239, total: 2242, percent: 99.9})
  })

  it('keeps lines far apart without filling the lines between', () => {
    const started = performance.now()
    const lines = lineCoverage(parseProfile('mode: set\nm/a.go:1.1,1.9 1 1\nm/a.go:2000000000.1,2000000000.9 1 0\n')).get('m/a.go')
    expect([...(lines ?? [])]).toEqual([[1, 1], [2000000000, 0]])
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('lineCoverage refuses a profile built without the parser beyond the budget, too', () => {
    const blocks: Block[] = [{file: 'm/a.go', startLine: 1, startCol: 1, endLine: 2147483647, endCol: 2, numStmt: 1, count: 1}]
    expect(() => lineCoverage(profileOf('set', blocks))).toThrow(CoverageError)
    expect(lineBudget(1)).toBe(2 ** 20 + 16)
  })
})

describe('the bundle on hostile profiles (time and peak memory of the process)', () => {
  it('go-matrix coverage refuses a block of 2^31 lines in a moment, in little memory', () => {
    const file = path.join(tmp, 'span.out')
    writeFileSync(file, 'mode: set\nexample.com/m/m.go:1.1,2147483647.1 5 1\n')
    const run = runMeasured(cli, ['coverage', file])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain(`go-matrix coverage: ${file}:2: the profile's blocks cover 2147483646 lines in all`)
    expect(run.stderr).toContain('"example.com/m/m.go:1.1,2147483647.1 5 1"')
    expect(run.cpuSeconds).toBeLessThan(5)
    expect(run.maxRssBytes).toBeLessThan(200 * MB)
  })

  it('go-matrix coverage reads a 40 MB profile of a million distinct files in seconds', async () => {
    const file = path.join(tmp, 'files.out')
    const out = createWriteStream(file)
    let chunk = 'mode: set\n'
    for (let i = 0; i < 1_000_000; i++) {
      chunk += `example.com/m/p${i % 1000}/f${i}.go:1.1,2.3 1 ${i % 2}\n`
      if (chunk.length > MB) {
        out.write(chunk)
        chunk = ''
      }
    }
    await new Promise(resolve => out.end(chunk, () => resolve(undefined)))
    const run = runMeasured(cli, ['coverage', '--json', file], {timeoutMs: 300_000})
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const json = JSON.parse(run.stdout) as {profiles: {statements: {covered: number; total: number}; lines: {covered: number; total: number}}[]}
    expect(json.profiles[0]?.statements).toEqual({covered: 500_000, total: 1_000_000, percent: 50})
    expect(json.profiles[0]?.lines).toEqual({covered: 1_000_000, total: 2_000_000, percent: 50})
    // Before: not finished after 120 s at 3.3 GB. Now a few seconds of CPU on an idle machine.
    expect(run.cpuSeconds).toBeLessThan(30)
    expect(run.maxRssBytes).toBeLessThan(1200 * MB)
  }, 300_000)

  it('go-matrix aggregate refuses a leg whose coverage.out holds a block of 2^31 lines, in little memory', async () => {
    const run = fixtureRuns().find(r => r.module === 'basic')
    if (run === undefined) throw new Error('no fixture')
    const leg = path.join(tmp, 'legs', 'a')
    await writeLeg(leg, [await analysed(run)], tmp)
    // A leg that agrees with itself: the report's statements are those of the hostile profile.
    await writeFile(path.join(leg, run.version, 'coverage.out'), 'mode: set\nexample.com/m/m.go:1.1,2147483647.1 5 1\n')
    const report = JSON.parse(await readFile(path.join(leg, 'report.json'), 'utf8'))
    report.versions[0].coverage.statements = {covered: 5, total: 5, percent: 100}
    await writeFile(path.join(leg, 'report.json'), JSON.stringify(report))
    await mkdir(path.join(tmp, 'out'), {recursive: true})
    const result = runMeasured(cli, ['aggregate', '--report-directory', path.join(tmp, 'out'), path.join(leg, 'report.json')], {cwd: tmp})
    expect(result.status).not.toBe(0)
    expect(result.stdout + result.stderr).toMatch(/coverage\.out:2: the profile's blocks cover 2147483646 lines in all/)
    expect(result.cpuSeconds).toBeLessThan(10)
    expect(result.maxRssBytes).toBeLessThan(300 * MB)
  })
})
