import {describe, expect, it} from '@jest/globals'
import {modulePathOf, parseGoFile, skipReason} from '../../src/go/go-mod.js'

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
      goLine: 4,
      toolchain: '1.22.5',
      toolchainLine: 5,
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

  // The runner took a file's last go line and go-version-file its first; Go refuses a second one, and so does the one reader.
  it.each([
    ['module x\ngo 1.21\ngo 1.23\n', 'go.mod:3: a second "go" line (the first is line 2); Go reads one'],
    ['module x\ntoolchain go1.22.5\ntoolchain go1.23.1\n', 'go.mod:3: a second "toolchain" line (the first is line 2); Go reads one'],
    ['module x\ntoolchain 1.22.5\n', 'go.mod:2: expected "toolchain go1.N.P" or "toolchain default", got "toolchain 1.22.5"'],
    ['module x\ngo go1.21\n', 'go.mod:2: expected "go 1.N" or "go 1.N.P", got "go go1.21"']
  ])('refuses %j', (text, message) => {
    expect(() => parseGoFile('go.mod', text)).toThrow(message)
  })

  // go-version-file kept a toolchain's version without its suffix, the runner with it: both read `1.22.5` now.
  it.each([
    ['toolchain go1.22.5+auto', '1.22.5'],
    ['toolchain go1.21.0-custom', '1.21.0'],
    ['toolchain default', null]
  ])('reads %j as %j', (line, toolchain) => {
    expect(parseGoFile('go.mod', `module x\ngo 1.21\n${line}\n`).toolchain).toBe(toolchain)
  })

  it('reads a directive in a block of its own kind, as Go does', () => {
    expect(parseGoFile('go.mod', 'module (\n\t"example.com/blocked"\n)\n').module).toBe('example.com/blocked')
  })
})

describe('modulePathOf', () => {
  it('reads the module line, quoted or not, after comments', () => {
    expect(modulePathOf('// c\nmodule "example.com/q" // x\n\ngo 1.22\n')).toBe('example.com/q')
    expect(modulePathOf('module example.com/m\n')).toBe('example.com/m')
  })

  it('names the file that has none', () => {
    expect(() => modulePathOf('go 1.22\n', 'x/go.mod')).toThrow('x/go.mod: no "module" line')
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
