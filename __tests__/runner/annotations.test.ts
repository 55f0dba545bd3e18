import {describe, expect, it} from '@jest/globals'
import {compilerAnnotations, packageDir, testFailureAnnotations, uniqueAnnotations} from '../../src/runner/annotations.js'

const modules = [
  {path: 'example.com/m', dir: ''},
  {path: 'example.com/m/tools', dir: 'tools'}
]

describe('compilerAnnotations', () => {
  it.each([
    ['minmax/minmax.go:9:9: undefined: smallest', {file: 'minmax/minmax.go', line: 9, column: 9, message: 'undefined: smallest'}],
    ['minmax/minmax.go:9: undefined: smallest', {file: 'minmax/minmax.go', line: 9, message: 'undefined: smallest'}],
    ['./main.go:3:2: imported and not used: "os"', {file: 'main.go', line: 3, column: 2, message: 'imported and not used: "os"'}],
    ['/mod/a/b.go:1:1: x', {file: 'a/b.go', line: 1, column: 1, message: 'x'}]
  ])('%s', (line, expected) => {
    expect(compilerAnnotations(`# example.com/m/minmax\n${line}\n`, '/mod')).toEqual([expected])
  })

  it('drops locations outside the module (the module cache, GOROOT)', () => {
    expect(compilerAnnotations('/root/go/pkg/mod/x@v1/x.go:1:1: boom\n../other/o.go:2:2: bang\n', '/mod')).toEqual([])
  })
})

describe('testFailureAnnotations', () => {
  it('places a test’s file:line in its package directory and names the test', () => {
    const found = testFailureAnnotations(
      {package: 'example.com/m/calc', test: 'TestHalf/odd', output: 'calc_test.go:19: Half(5) = 3, want 2\n    got: 3'},
      modules
    )
    expect(found).toEqual([{file: 'calc/calc_test.go', line: 19, message: 'TestHalf/odd: Half(5) = 3, want 2\ngot: 3'}])
  })

  it.each([
    ['1.19-1.24', '[recovered]'],
    ['1.25+', '[recovered, repanicked]']
  ])('places a panic at the innermost stack frame inside the module (Go %s marks it %s)', (_versions, mark) => {
    const output = [
      `panic: runtime error: index out of range [3] with length 0 ${mark}`,
      '\tpanic: runtime error: index out of range [3] with length 0',
      'goroutine 6 [running]:',
      'testing.tRunner.func1.2({0x518a00, 0xc000016078})',
      '\t/usr/lib/go-1.19/src/testing/testing.go:1396 +0x24e',
      'example.com/m/calc.Boom(...)',
      '\t/mod/calc/calc.go:4',
      'example.com/m/calc.TestBoom(0x0?)',
      '\t/mod/calc/calc_test.go:6 +0x1a'
    ].join('\n')
    expect(testFailureAnnotations({package: 'example.com/m/calc', test: 'TestBoom', output}, modules, '/mod')).toEqual([
      {file: 'calc/calc.go', line: 4, message: 'TestBoom: panic: runtime error: index out of range [3] with length 0'}
    ])
  })

  it('gives nothing for a package outside the known modules', () => {
    expect(testFailureAnnotations({package: 'other.org/x', test: 'T', output: 'x_test.go:1: no'}, modules)).toEqual([])
  })
})

describe('packageDir', () => {
  it.each([
    ['example.com/m', ''],
    ['example.com/m/calc', 'calc'],
    ['example.com/m/tools/gen', 'tools/gen'],
    ['example.com/mx', null]
  ])('%s → %s', (importPath, dir) => {
    expect(packageDir(importPath, modules)).toBe(dir)
  })
})

describe('uniqueAnnotations', () => {
  it('merges the same place and message, keeping the column one of them has', () => {
    expect(
      uniqueAnnotations([
        {file: 'a.go', line: 9, message: 'undefined: x'},
        {file: 'a.go', line: 9, column: 9, message: 'undefined: x'},
        {file: 'a.go', line: 9, message: 'other'}
      ])
    ).toEqual([
      {file: 'a.go', line: 9, column: 9, message: 'undefined: x'},
      {file: 'a.go', line: 9, message: 'other'}
    ])
  })
})
