import {describe, expect, it} from '@jest/globals'
import {parseGoFile, skipReason} from '../../src/runner/go-mod.js'

describe('parseGoFile', () => {
  it('reads module, go and toolchain lines, ignoring comments and blocks', () => {
    const text = [
      '// a comment',
      'module example.com/m // trailing comment',
      '',
      'go 1.21.0',
      'toolchain go1.22.5',
      'require (',
      '\tgo 1.99 // inside a block: not a directive',
      ')'
    ].join('\n')
    expect(parseGoFile('go.mod', text)).toEqual({
      name: 'go.mod',
      go: '1.21.0',
      toolchain: '1.22.5',
      module: 'example.com/m',
      use: []
    })
  })

  it('reads the use directives of go.work, single and in blocks', () => {
    const text = 'go 1.22\n\nuse ./tools\nuse (\n\t.\n\t"./api"\n)\n'
    expect(parseGoFile('go.work', text)).toMatchObject({go: '1.22', use: ['./tools', '.', './api']})
  })

  it('gives null when there is no go line', () => {
    expect(parseGoFile('go.mod', 'module x\n').go).toBeNull()
  })

  it('names the file and line of a malformed go line', () => {
    expect(() => parseGoFile('go.mod', 'module x\ngo one.two\n')).toThrow(
      'go.mod:2: expected "go 1.N" or "go 1.N.P", got "go one.two"'
    )
  })
})

describe('skipReason', () => {
  const goMod = (go: string | null) => ({name: 'go.mod', go, toolchain: null, module: 'm', use: []})
  it.each([
    ['1.19.8', '1.23', 'go.mod requires go >= 1.23'],
    ['1.22.12', '1.23', 'go.mod requires go >= 1.23'],
    ['1.23.5', '1.23', null],
    ['1.23.0', '1.23.0', null],
    ['1.23rc1', '1.23.0', 'go.mod requires go >= 1.23.0'],
    ['1.23rc1', '1.23', null],
    ['1.19.8', null, null]
  ])('Go %s with go line %s', (version, go, reason) => {
    expect(skipReason(version, goMod(go))).toBe(reason)
  })

  it('names go.work when that file decides', () => {
    expect(skipReason('1.21.13', {name: 'go.work', go: '1.22', toolchain: null, module: null, use: []})).toBe(
      'go.work requires go >= 1.22'
    )
  })

  it('runs every version when the module has no go file', () => {
    expect(skipReason('1.19.8', null)).toBeNull()
  })
})
