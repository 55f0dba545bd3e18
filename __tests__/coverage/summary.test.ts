import {describe, expect, it} from '@jest/globals'
import {functionCoverage, mergeFunctionCoverage, parseFuncOutput, summarizeFunctions} from '../../src/coverage/functions.js'
import {lineCoverage, mergeLineCoverage, summarizeLines} from '../../src/coverage/lines.js'
import {packageOf} from '../../src/coverage/model.js'
import {summarizeStatements} from '../../src/coverage/summary.js'
import {makeProfile} from './builders.js'

const profile = makeProfile('count', [
  ['example.com/m/a.go', '1.10,3.2', 2, 5],
  ['example.com/m/a.go', '3.2,4.5', 1, 0],
  ['example.com/m/a.go', '3.8,3.20', 1, 9], // a closure inside the first block
  ['example.com/m/pkg/b.go', '1.1,1.9', 4, 0],
  ['example.com/m/pkg/sub/c.go', '2.1,2.9', 3, 1]
])

describe('summarizeStatements', () => {
  it('counts statements of blocks with a count above 0, per file, package and in total', () => {
    expect(summarizeStatements(profile)).toEqual({
      total: {covered: 6, total: 11, percent: 54.5},
      packages: [
        {name: 'example.com/m', summary: {covered: 3, total: 4, percent: 75}},
        {name: 'example.com/m/pkg', summary: {covered: 0, total: 4, percent: 0}},
        {name: 'example.com/m/pkg/sub', summary: {covered: 3, total: 3, percent: 100}}
      ],
      files: [
        {name: 'example.com/m/a.go', summary: {covered: 3, total: 4, percent: 75}},
        {name: 'example.com/m/pkg/b.go', summary: {covered: 0, total: 4, percent: 0}},
        {name: 'example.com/m/pkg/sub/c.go', summary: {covered: 3, total: 3, percent: 100}}
      ]
    })
  })

  it.each([
    ['example.com/m/pkg/a.go', 'example.com/m/pkg'],
    ['a.go', '.'],
    ['C:/src/a.go', 'C:/src']
  ])('the package of %s is %s', (file, pkg) => {
    expect(packageOf(file)).toBe(pkg)
  })
})

describe('lineCoverage', () => {
  it('takes the highest count of the blocks covering a line', () => {
    const lines = lineCoverage(profile)
    expect([...(lines.get('example.com/m/a.go') ?? [])]).toEqual([
      [1, 5],
      [2, 5],
      [3, 9],
      [4, 0]
    ])
    expect(summarizeLines(lines).total).toEqual({covered: 4, total: 6, percent: 66.7})
    const a = lines.get('example.com/m/a.go')
    expect([a?.has(4), a?.has(5), a?.has(0), a?.size, [...(a?.keys() ?? [])], [...(a?.values() ?? [])]]).toEqual([true, false, false, 4, [1, 2, 3, 4], [5, 5, 9, 0]])
    const seen: number[][] = []
    a?.forEach((hits, line) => seen.push([line, hits]))
    expect(seen).toEqual([[1, 5], [2, 5], [3, 9], [4, 0]])
  })

  it('keeps lines far apart without a dense array, in line order', () => {
    const lines = lineCoverage(makeProfile('count', [['m/gen.go', '900000.1,900000.5', 1, 2], ['m/gen.go', '3.1,4.5', 1, 0]]))
    expect([...(lines.get('m/gen.go') ?? [])]).toEqual([[3, 0], [4, 0], [900000, 2]])
    expect(lines.get('m/gen.go')?.get(5)).toBeUndefined()
    const merged = mergeLineCoverage([lines, lineCoverage(makeProfile('count', [['m/gen.go', '5.1,5.2', 1, 1]]))])
    expect([...(merged.get('m/gen.go') ?? [])]).toEqual([[3, 0], [4, 0], [5, 1], [900000, 2]])
  })

  it('merges versions line by line: union of lines, highest hits, inputs untouched', () => {
    const a = lineCoverage(makeProfile('set', [['m/a.go', '1.1,2.2', 1, 0]]))
    const b = lineCoverage(makeProfile('set', [['m/a.go', '2.1,3.2', 1, 1], ['m/b.go', '1.1,1.2', 1, 0]]))
    const merged = mergeLineCoverage([a, b])
    expect([...merged].map(([file, lines]) => [file, [...lines]])).toEqual([
      ['m/a.go', [[1, 0], [2, 1], [3, 1]]],
      ['m/b.go', [[1, 0]]]
    ])
    expect([...(a.get('m/a.go') ?? [])]).toEqual([[1, 0], [2, 0]])
  })
})

describe('functions', () => {
  const output = [
    'example.com/m/a.go:1:\t\tRun\t\t75.0%',
    'C:/src/m/w.go:3:\t\t(*T).Big\t0.0%',
    'example.com/m/a.go:9:\t\tIdle\t\t0.0%',
    'total:\t\t\t\t(statements)\t54.5%',
    ''
  ].join('\n')

  it('parses go tool cover -func output, reading locations from the right', () => {
    expect(parseFuncOutput(output)).toEqual({
      functions: [
        {file: 'example.com/m/a.go', line: 1, name: 'Run', percent: 75},
        {file: 'C:/src/m/w.go', line: 3, name: '(*T).Big', percent: 0},
        {file: 'example.com/m/a.go', line: 9, name: 'Idle', percent: 0}
      ],
      totalPercent: 54.5
    })
  })

  it.each([
    ['example.com/m/a.go:1:\tRun', 'f.txt:1: expected a percentage like "75.0%" at the end'],
    ['example.com/m/a.go\tRun\t5.0%', 'f.txt:1: expected "file.go:LINE:<tab>Name<tab>NN.N%"']
  ])('rejects %j', (line, message) => {
    expect(() => parseFuncOutput(line, 'f.txt')).toThrow(message)
  })

  it('counts a function covered when any statement ran, even when Go rounds it to 0.0%', () => {
    const big = makeProfile('count', [
      ['C:/src/m/w.go', '3.20,4.2', 1, 0],
      ['C:/src/m/w.go', '5.1,6000.2', 2500, 0],
      ['C:/src/m/w.go', '6001.1,6001.9', 1, 7],
      ['example.com/m/a.go', '1.10,3.2', 2, 5]
    ])
    const functions = functionCoverage(parseFuncOutput(output), big)
    expect(functions.map(fn => [fn.name, fn.covered, fn.hits])).toEqual([
      ['Run', true, 5],
      ['(*T).Big', true, 1],
      ['Idle', false, 0]
    ])
    expect(summarizeFunctions(functions)).toEqual({covered: 2, total: 3, percent: 66.7})
  })

  it('merges the functions of several versions', () => {
    const fn = {file: 'm/a.go', line: 1, name: 'F', percent: 0, covered: false, hits: 0}
    expect(mergeFunctionCoverage([[fn], [{...fn, percent: 50, covered: true, hits: 2}], [{...fn, line: 9, name: 'G'}]])).toEqual([
      {...fn, percent: 50, covered: true, hits: 2},
      {...fn, line: 9, name: 'G'}
    ])
  })
})
