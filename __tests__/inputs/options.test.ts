import {describe, expect, it} from '@jest/globals'
import {readFileSync} from 'node:fs'
import {parseOptions, InputError} from '../../src/inputs/options.js'
import {renderActionYml, renderReadme} from '../../src/action/action-yml.js'
import {INPUTS} from '../../src/inputs/definitions.js'
import {splitArgs} from '../../src/util/split-args.js'

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''

describe('parseOptions', () => {
  it('applies the defaults of definitions.ts to unset inputs', () => {
    const o = parseOptions(reader({'go-versions': '1.21, 1.22.x\nstable'}))
    expect(o.goVersions).toEqual(['1.21', '1.22.x', 'stable'])
    expect(o.packages).toEqual(['./...'])
    expect(o.build).toBe(true)
    expect(o.vet).toBe(false)
    expect(o.maxParallel).toBe(0)
    expect(o.timeoutMinutes).toBe(30)
    expect(o.maxVersionDelta).toBe(2)
    expect(o.maxCoverageDrop).toBeNull()
    expect(o.baseline).toEqual({kind: 'auto'})
    expect(o.githubToken).toBe('')
    expect(o.downloadBaseUrl).toBe('https://go.dev/dl')
    expect(o.mode).toBe('run')
    expect(o.modules).toEqual({kind: 'root'})
  })

  it('parses targets, flags and paths', () => {
    const o = parseOptions(
      reader({
        'go-versions': '1.22',
        'build-targets': 'windows/amd64, darwin/arm64',
        'test-flags': `-race -run 'Test A' -tags="x y"`,
        baseline: 'old/report.json',
        'download-base-url': 'http://127.0.0.1:8080/dl/'
      })
    )
    expect(o.buildTargets).toEqual([
      {goos: 'windows', goarch: 'amd64'},
      {goos: 'darwin', goarch: 'arm64'}
    ])
    expect(o.testFlags).toEqual(['-race', '-run', 'Test A', '-tags=x y'])
    expect(o.baseline).toEqual({kind: 'path', path: 'old/report.json'})
    expect(o.downloadBaseUrl).toBe('http://127.0.0.1:8080/dl')
  })

  it.each([
    [{'max-version-delta': 'two'}, 'input max-version-delta: "two" is not a number'],
    [{build: 'maybe'}, 'input build: "maybe" is not a boolean (use true or false)'],
    [{'cover-mode': 'sometimes'}, 'input cover-mode: "sometimes" is not one of set, count, atomic'],
    [{'max-parallel': '1.5'}, 'input max-parallel: 1.5 is not a whole number'],
    [{'min-coverage': '120'}, 'input min-coverage: 120 must be at most 100'],
    [{'timeout-minutes': '0'}, 'input timeout-minutes: 0 must be greater than 0'],
    [{'build-targets': 'windows'}, 'input build-targets: "windows" is not GOOS/GOARCH (like linux/arm64)'],
    [{'test-flags': '-run "x'}, 'input test-flags: unterminated " quote in "-run \\"x"'],
    [{'download-base-url': 'ftp://x'}, 'input download-base-url: "ftp://x" is not an http(s) URL'],
    [{modules: 'api, ../other'}, 'input modules: "../other" leaves working-directory; every module must lie inside it (set working-directory to a folder that holds them all)']
  ])('rejects %p', (values, message) => {
    const attempt = () => parseOptions(reader({'go-versions': '1.22', ...values}))
    expect(attempt).toThrow(InputError)
    expect(attempt).toThrow(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
  })

  it.each([
    ['-coverprofile=c.out', "go-matrix writes each version's profile itself (<report-directory>/<version>/coverage.out); remove it"],
    ['-v -coverprofile c.out', "go-matrix writes each version's profile itself (<report-directory>/<version>/coverage.out); remove it"],
    ['--test.coverprofile=c.out', "go-matrix writes each version's profile itself (<report-directory>/<version>/coverage.out); remove it"],
    ['-covermode=atomic', 'use the cover-mode input instead, so that every version and the report agree on the mode'],
    ['-coverpkg=./...', 'use the cover-packages input instead'],
    ['-cover=false', 'go-matrix needs coverage on'],
    ['-json=0', "go-matrix reads go test's -json stream"],
    ['-c', 'it compiles the test binaries without running them, so no test would run and there would be no coverage'],
    ['-list=.', 'it lists the tests without running them, so there would be no coverage']
  ])('rejects test-flags %p, which conflict with go-matrix’s own', (flags, why) => {
    const attempt = () => parseOptions(reader({'go-versions': '1.22', 'test-flags': flags}))
    expect(attempt).toThrow(InputError)
    const flag = flags.split(' ').find(f => /cover|json|-c|list/.test(f)) as string
    expect(attempt).toThrow(`input test-flags: ${flag} conflicts with go-matrix's own flags: ${why}`)
  })

  it.each([['-cover -json -c=false -race'], ['-run TestX -args -coverprofile=x -c'], ['-count=1 -- -covermode=set']])('accepts test-flags %p', flags => {
    expect(parseOptions(reader({'go-versions': '1.22', 'test-flags': flags})).testFlags).toEqual(splitArgs(flags))
  })

  it.each([['../escape'], ['a/../../escape'], ['..']])('rejects a relative report-directory that leaves the workspace: %p', dir => {
    expect(() => parseOptions(reader({'go-versions': '1.22', 'report-directory': dir}))).toThrow(
      `input report-directory: ${JSON.stringify(dir)} leaves the workspace; a relative path must stay inside it (give an absolute path for a folder elsewhere)`
    )
  })

  it.each([['go-matrix-report'], ['out/../report'], ['/tmp/elsewhere'], ['..report']])('accepts report-directory %p', dir => {
    expect(parseOptions(reader({'go-versions': '1.22', 'report-directory': dir})).reportDirectory).toBe(dir)
  })

  it('needs a version unless aggregating', () => {
    expect(() => parseOptions(reader({}))).toThrow(/give at least one Go version/)
    expect(parseOptions(reader({mode: 'aggregate', reports: 'a/*.json'})).reports).toEqual(['a/*.json'])
  })
})

describe('splitArgs', () => {
  it.each([
    ['', []],
    ['  -v   -count=1 ', ['-v', '-count=1']],
    [`-run 'a b' "c \\" d" e\\ f`, ['-run', 'a b', 'c " d', 'e f']],
    [`-x ''`, ['-x', '']],
    ['$HOME `id` ;', ['$HOME', '`id`', ';']]
  ])('%p', (text, expected) => {
    expect(splitArgs(text)).toEqual(expected)
  })
})

describe('action.yml', () => {
  it('is the rendering of definitions.ts (run `npm run gen:action` after editing them)', () => {
    expect(readFileSync('action.yml', 'utf8')).toBe(renderActionYml())
  })

  it("matches README.md's input and output tables", () => {
    const readme = readFileSync('README.md', 'utf8')
    expect(readme).toBe(renderReadme(readme))
    expect(readme).toContain('| `max-version-delta` | `2` |')
  })

  it('names every input of the interface (docs/interface.md), in its order, but those still being built', () => {
    const iface = readFileSync('docs/interface.md', 'utf8')
    const inputsSection = iface.slice(iface.indexOf('### Inputs'), iface.indexOf('### Outputs'))
    const names = [...inputsSection.matchAll(/^\| `([a-z-]+)` \| `/gm)].map(m => m[1])
    expect(names.length).toBeGreaterThan(20)
    // Every input the interface names is built, in the interface's order.
    expect(INPUTS.map(i => i.name)).toEqual(names)
  })
})
