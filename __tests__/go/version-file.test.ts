import {describe, expect, it} from '@jest/globals'
import {mkdtemp, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {parseVersionFile, readVersionFile, VersionFileError, versionFileKind} from '../../src/go/version-file.js'

describe('parseVersionFile', () => {
  it.each([
    ['go.mod', 'module example.com/m\n\ngo 1.21\n', {spec: '1.21', line: 3, minimum: true}],
    ['go.mod', 'module example.com/m\n\ngo 1.22.3\n', {spec: '1.22.3', line: 3, minimum: true}],
    ['go.mod', 'module m\n\ngo 1.21\n\ntoolchain go1.22.5\n', {spec: '1.22.5', line: 5, minimum: true}],
    ['go.mod', 'module m\n\ntoolchain go1.22.5\ngo 1.21.0\n', {spec: '1.22.5', line: 3, minimum: true}],
    ['go.mod', 'module m\ngo 1.21 // minimum\ntoolchain default\n', {spec: '1.21', line: 2, minimum: true}],
    ['go.mod', 'module m\ngo 1.21\ntoolchain go1.22.5+auto\n', {spec: '1.22.5', line: 3, minimum: true}],
    ['go.mod', 'module m\nrequire (\n\tgo 1.99 // not a directive inside a block\n)\ngo 1.20\n', {spec: '1.20', line: 5, minimum: true}],
    ['go.mod', 'module m\ngo 1.23rc1\n', {spec: '1.23rc1', line: 2, minimum: true}],
    ['go.work', 'go 1.22\n\nuse (\n\t./a\n)\n', {spec: '1.22', line: 1, minimum: true}],
    ['go.work', 'go 1.21\ntoolchain go1.23.5\nuse ./a\n', {spec: '1.23.5', line: 2, minimum: true}],
    ['.go-version', '1.22.5\n', {spec: '1.22.5', line: 1}],
    ['.go-version', '# pinned\n\ngo1.21\n', {spec: '1.21', line: 3}],
    ['.tool-versions', 'nodejs 20.1.0\ngolang 1.22.5 1.21.0\n', {spec: '1.22.5', line: 2}],
    ['.tool-versions', 'golang 1.23.1 # comment\n', {spec: '1.23.1', line: 1}]
  ])('%s: %j', (file, text, expected) => {
    expect(parseVersionFile(text, file)).toEqual(expected)
  })

  // Go reads a go.mod without a go line as go 1.16, a go.work as go 1.18 (cmd/go/internal/gover).
  it.each([
    ['go.mod', 'module github.com/google/uuid\n', '1.16', 'go-version-file: go.mod has no "go" line; Go reads a go.mod without one as "go 1.16", so Go 1.16 is tested'],
    ['sub/go.work', 'use ./a\n', '1.18', 'go-version-file: sub/go.work has no "go" line; Go reads a go.work without one as "go 1.18", so Go 1.18 is tested']
  ])('%s without a go line is read as Go reads it', (file, text, spec, warning) => {
    const declared = parseVersionFile(text, file)
    expect(declared).toMatchObject({spec, line: 0, minimum: true})
    expect(declared.assumed).toContain(warning)
  })

  // go-version-file used to pass over a go line it could not read and test Go's default for a
  // file without one; the runner refused the same file. Both read it with the one go.mod reader now.
  it.each([
    ['go.mod', 'module m\ngo one.two\n', 'go-version-file: go.mod:2: expected "go 1.N" or "go 1.N.P", got "go one.two"'],
    ['sub/go.mod', 'module m\ngo 1.21\ngo 1.22\n', 'go-version-file: sub/go.mod:3: a second "go" line (the first is line 2); Go reads one'],
    ['go.work', 'go 1.22\ntoolchain 1.23.5\n', 'go-version-file: go.work:2: expected "toolchain go1.N.P" or "toolchain default", got "toolchain 1.23.5"']
  ])('%s: %j fails as the runner fails on it: %s', (file, text, message) => {
    expect(() => parseVersionFile(text, file)).toThrow(VersionFileError)
    expect(() => parseVersionFile(text, file)).toThrow(message)
  })

  it.each([
    ['.go-version', '\n# nothing\n', 'go-version-file: .go-version: no version found'],
    ['.go-version', 'latest\n', 'go-version-file: .go-version:1: "latest" is not a Go version'],
    ['.go-version', '1.22.1rc1\n', 'go-version-file: .go-version:1: "1.22.1rc1" is not a Go version'],
    ['.tool-versions', 'nodejs 20\n', 'go-version-file: .tool-versions: no "golang" entry found'],
    ['.tool-versions', 'golang system\n', 'go-version-file: .tool-versions:1: "system" is not a Go version']
  ])('%s: %j fails: %s', (file, text, message) => {
    expect(() => parseVersionFile(text, file)).toThrow(message)
  })

  it.each([
    ['/w/go.mod', 'go.mod'],
    ['/w/tools.mod', 'go.mod'],
    ['/w/go.work', 'go.mod'],
    ['/w/.go-version', 'go-version'],
    ['/w/.tool-versions', 'tool-versions']
  ])('%s is read as %s', (file, kind) => {
    expect(versionFileKind(file)).toBe(kind)
  })
})

describe('readVersionFile', () => {
  it('reads a file and names a missing one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-vf-'))
    await writeFile(path.join(dir, 'go.mod'), 'module m\n\ngo 1.22\n')
    await expect(readVersionFile(path.join(dir, 'go.mod'))).resolves.toEqual({spec: '1.22', line: 3, minimum: true})
    await expect(readVersionFile(path.join(dir, 'nope', 'go.mod'))).rejects.toThrow(`go-version-file: ${path.join(dir, 'nope', 'go.mod')}: no such file`)
  })
})
