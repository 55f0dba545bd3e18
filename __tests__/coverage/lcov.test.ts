import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import lcovParse from 'lcov-parse'
import {functionCoverage, mergeFunctionCoverage, parseFuncOutput} from '../../src/coverage/functions.js'
import type {FunctionCoverage} from '../../src/coverage/functions.js'
import {formatLcov, moduleRelativePath, parseLcov as readLcov} from '../../src/coverage/lcov.js'
import {modulePathOf} from '../../src/go/go-mod.js'
import {lineCoverage, mergeLineCoverage} from '../../src/coverage/lines.js'
import type {LineCoverage} from '../../src/coverage/model.js'
import {readProfile} from '../../src/files/read-profile.js'
import {basicModule, fixtureFile, fixtureRuns} from './fixtures.js'
import {makeProfile} from './builders.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-lcov-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))
const sourcePath = moduleRelativePath(modulePathOf(readFileSync(path.join(basicModule, 'go.mod'), 'utf8')))

function parseLcov(text: string): Promise<lcovParse.LcovRecord[]> {
  return new Promise((resolve, reject) => lcovParse.source(text, (err, data) => (err ? reject(new Error(err)) : resolve(data ?? []))))
}

async function versions(): Promise<{version: string; lines: LineCoverage; functions: FunctionCoverage[]}[]> {
  return Promise.all(
    fixtureRuns().filter(run => run.module === 'basic').map(async run => {
      const profile = await readProfile(path.join(run.dir, 'count.out'))
      return {version: run.version, lines: lineCoverage(profile), functions: functionCoverage(parseFuncOutput(fixtureFile(run, 'func-count.txt')), profile)}
    })
  )
}

describe('formatLcov', () => {
  it('writes a DA record only for lines a block covers a character of (Go 1.27: `7.3,8.1` is line 7 alone)', () => {
    const profile = makeProfile('set', [['m/p/a.go', '6.2,6.11', 1, 1], ['m/p/a.go', '7.3,8.1', 1, 0], ['m/p/a.go', '9.3,10.1', 1, 1], ['m/p/a.go', '12.15,12.15', 0, 0]])
    const da = formatLcov(lineCoverage(profile)).split('\n').filter(l => l.startsWith('DA:') || l.startsWith('LF:'))
    expect(da).toEqual(['DA:6,1', 'DA:7,0', 'DA:9,1', 'LF:3'])
  })

  it('writes SF, FN/FNDA/FNF/FNH, DA, LF/LH records', () => {
    const profile = makeProfile('count', [['m/p/a.go', '3.10,5.2', 2, 4], ['m/p/a.go', '5.2,6.3', 1, 0], ['m/p/a.go', '9.20,9.30', 1, 1]])
    const functions: FunctionCoverage[] = [
      {file: 'm/p/a.go', line: 3, name: 'String', percent: 66.7, covered: true, hits: 4},
      {file: 'm/p/a.go', line: 9, name: 'String', percent: 100, covered: true, hits: 1}
    ]
    expect(formatLcov(lineCoverage(profile), {functions, sourcePath: moduleRelativePath('m'), testName: 'go1.22'})).toBe(
      [
        'TN:go1.22',
        'SF:p/a.go',
        'FN:3,String@3',
        'FN:9,String@9',
        'FNDA:4,String@3',
        'FNDA:1,String@9',
        'FNF:2',
        'FNH:2',
        'DA:3,4',
        'DA:4,4',
        'DA:5,4',
        'DA:6,0',
        'DA:9,1',
        'LF:5',
        'LH:4',
        'end_of_record',
        ''
      ].join('\n')
    )
  })

  it('maps import paths into the module directory and leaves other modules alone', () => {
    const map = moduleRelativePath('example.com/m', './sub/dir/')
    expect(map('example.com/m/pkg/a.go')).toBe('sub/dir/pkg/a.go')
    expect(map('example.com/other/a.go')).toBe('example.com/other/a.go')
  })

  it('lcov-parse reads every version and the merge back to the same numbers', async () => {
    const all = await versions()
    const merged = {lines: mergeLineCoverage(all.map(v => v.lines)), functions: mergeFunctionCoverage(all.map(v => v.functions))}
    for (const {lines, functions: unique} of [...all, merged]) {
      const records = await parseLcov(formatLcov(lines, {functions: unique, sourcePath}))
      expect(records.map(r => r.file)).toEqual([...lines.keys()].map(sourcePath))
      for (const record of records) {
        const file = [...lines.keys()].find(f => sourcePath(f) === record.file) as string
        const hits = lines.get(file) as ReadonlyMap<number, number>
        expect(record.lines.details).toEqual([...hits].map(([line, hit]) => ({line, hit})))
        expect([record.lines.found, record.lines.hit]).toEqual([hits.size, [...hits.values()].filter(h => h > 0).length])
        const fns = unique.filter(fn => fn.file === file)
        expect([record.functions.found, record.functions.hit]).toEqual([fns.length, fns.filter(fn => fn.hits > 0).length])
        expect(record.functions.details.map(d => d.hit)).toEqual([...fns].sort((a, b) => a.line - b.line).map(fn => fn.hits))
      }
    }
  })

  it('parseLcov, the one reader, agrees with lcov-parse on every version and the merge, and reads the functions back', async () => {
    const all = await versions()
    const merged = {lines: mergeLineCoverage(all.map(v => v.lines)), functions: mergeFunctionCoverage(all.map(v => v.functions))}
    for (const {lines, functions: unique} of [...all, merged]) {
      const text = formatLcov(lines, {functions: unique, sourcePath})
      const ours = readLcov(text, 'merged.lcov', {functions: true})
      const theirs = await parseLcov(text)
      expect(ours.map(r => r.source)).toEqual(theirs.map(r => r.file))
      ours.forEach((record, i) => {
        const other = theirs[i] as (typeof theirs)[number]
        expect([...record.lines].map(([line, hit]) => ({line, hit}))).toEqual(other.lines.details)
        expect([record.found, record.hit]).toEqual([other.lines.found, other.lines.hit])
        expect(record.functions.map(fn => fn.hits)).toEqual(other.functions.details.map(d => d.hit))
      })
      // Each function back under its own name (formatLcov's `@line` for a repeated name taken off).
      const back = ours.flatMap(r => r.functions.map(fn => `${fn.line} ${fn.name} ${fn.hits}`)).sort()
      expect(back).toEqual(unique.map(fn => `${fn.line} ${fn.name} ${fn.hits}`).sort())
    }
  })

  it('parseLcov skips FN records it is not asked to read, in any format, and is strict when asked', () => {
    const lcov2 = 'SF:a.go\nFN:3,9,main\nFNDA:1,main\nDA:3,1\nend_of_record\n'
    expect(readLcov(lcov2, 'b.lcov')).toEqual([{source: 'a.go', lines: new Map([[3, 1]]), found: null, hit: null, functions: []}])
    expect(() => readLcov('FN:3,main\n', 'b.lcov', {functions: true})).toThrow('b.lcov:1: "FN:3,main" outside an SF record')
  })

  const genhtml = spawnSync('genhtml', ['--version']).status === 0
  ;(genhtml ? it : it.skip)('genhtml renders each version and the merge without warnings', async () => {
    const all = await versions()
    const files = all.map(v => ({name: `${v.version}.lcov`, text: formatLcov(v.lines, {functions: v.functions, sourcePath})}))
    const mergedFunctions = mergeFunctionCoverage(all.map(v => v.functions))
    files.push({name: 'merged.lcov', text: formatLcov(mergeLineCoverage(all.map(v => v.lines)), {functions: mergedFunctions, sourcePath})})
    for (const {name, text} of files) {
      const info = path.join(tmp, name)
      writeFileSync(info, text)
      const out = path.join(tmp, `html-${name}`)
      const result = spawnSync('genhtml', ['--quiet', '--output-directory', out, info], {cwd: basicModule, encoding: 'utf8'})
      expect({name, status: result.status, stderr: result.stderr}).toEqual({name, status: 0, stderr: ''})
      expect(existsSync(path.join(out, 'index.html'))).toBe(true)
    }
    // The checks above can fail: genhtml does warn when a source file is missing.
    const broken = path.join(tmp, 'broken.lcov')
    writeFileSync(broken, 'SF:missing/nowhere.go\nDA:1,1\nLF:1\nLH:1\nend_of_record\n')
    const result = spawnSync('genhtml', ['--quiet', '--output-directory', path.join(tmp, 'html-broken'), broken], {cwd: basicModule, encoding: 'utf8'})
    expect(`${result.status} ${result.stderr}`).not.toBe('0 ')
  })
})
