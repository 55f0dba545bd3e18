import {describe, expect, it} from '@jest/globals'
import {AggregateError, combineLegs, legsGate, type LegProblem} from '../../src/aggregate/legs.js'
import {versionLabels} from '../../src/report/labels.js'
import {functionsFromLcov, matchSourceFiles} from '../../src/aggregate/lcov-functions.js'
import {parseLcov} from '../../src/coverage/lcov.js'

/** The FN/FNDA records of an LCOV text, as the aggregate reads them back from a leg. */
const parseLcovFunctions = (text: string, where: string) => parseLcov(text, where, {functions: true}).flatMap(r => r.functions)
import {pickReference} from '../../src/conclusion/conclude.js'
import {makeProfile} from '../coverage/builders.js'

/** A leg's report.json as parsed JSON, with rows given as [version, platform]. */
function legJson(rows: [string, string | undefined][], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    tool: {name: 'go-matrix', version: '1.0.0'},
    commit: 'abc123',
    ref: 'refs/heads/main',
    versions: rows.map(([version, platform]) => ({
      spec: version.split('.').slice(0, 2).join('.'),
      version,
      status: 'passed',
      ...(platform ? {platform} : {}),
      toolchain: {source: 'local', sha256: '', seconds: 0},
      tests: {passed: 1, failed: 0, skipped: 0, failures: []},
      coverage: null,
      seconds: 1
    })),
    merged: null,
    comparisons: {versions: [], baseline: null, diff: null},
    gates: [],
    ...overrides
  }
}

/** A leg of a run over modules: each row's modules as [folder, covered of 10]. */
function moduleLeg(versions: string[], modules: [string, number][], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const json = legJson(versions.map(v => [v, 'linux/amd64']), {schemaVersion: 2, ...overrides})
  for (const row of json.versions as Record<string, unknown>[]) {
    row.modules = modules.map(([dir, covered]) => ({
      dir,
      path: `example.com/mono${dir === '.' ? '' : `/${dir}`}`,
      status: 'passed',
      tests: {passed: 2, failed: 0, skipped: 0, failures: []},
      coverage: {
        statements: {covered, total: 10, percent: covered * 10},
        lines: {covered, total: 10, percent: covered * 10},
        functions: {covered: 1, total: 1, percent: 100},
        packages: [{name: `example.com/mono/${dir}`, statements: {covered, total: 10, percent: covered * 10}}]
      },
      seconds: 1
    }))
  }
  return json
}

describe('combineLegs over modules', () => {
  it("makes one row of a version whose modules several legs ran, recomputing its figures from theirs", () => {
    const combined = combineLegs([
      {file: 'tools/report.json', json: moduleLeg(['1.27.4'], [['tools', 5]])},
      {file: 'main/report.json', json: moduleLeg(['1.21.13', '1.27.4'], [['.', 4], ['api', 6]])}
    ])
    expect(combined.rows.map(r => [r.report.version, r.report.modules?.map(m => m.dir), r.report.coverage?.statements, r.report.tests.passed])).toEqual([
      ['1.27.4', ['.', 'api', 'tools'], {covered: 15, total: 30, percent: 50}, 6],
      ['1.21.13', ['.', 'api'], {covered: 10, total: 20, percent: 50}, 4]
    ])
    expect([...(combined.rows[0]?.moduleFiles ?? [])]).toEqual([
      ['tools', 'tools/report.json'],
      ['.', 'main/report.json'],
      ['api', 'main/report.json']
    ])
  })

  it.each([
    ['the same module of the same version twice', moduleLeg(['1.27.4'], [['api', 1]]), moduleLeg(['1.27.4'], [['api', 1]]), 'Go 1.27.4 on linux/amd64, module api, is reported twice, by a/report.json and by b/report.json'],
    ['a version over modules and the same version without', moduleLeg(['1.27.4'], [['api', 1]]), legJson([['1.27.4', 'linux/amd64']]), 'Go 1.27.4 on linux/amd64 is reported twice, by a/report.json and by b/report.json; give each leg its own versions, platform or modules'],
    ['a module folder that leaves the leg', moduleLeg(['1.27.4'], [['../x', 1]]), null, 'a/report.json: not a valid go-matrix report.json: versions[0].modules[0].dir: expected a module folder inside the repository'],
    ['a module listed twice by one leg', moduleLeg(['1.27.4'], [['api', 1], ['api', 2]]), null, 'a/report.json: Go 1.27.4 on linux/amd64 lists module api twice']
  ] as [string, Record<string, unknown>, Record<string, unknown> | null, string][])('refuses %s', (_, a, b, message) => {
    const legs = [{file: 'a/report.json', json: a}, ...(b ? [{file: 'b/report.json', json: b}] : [])]
    expect(() => combineLegs(legs)).toThrow(AggregateError)
    expect(() => combineLegs(legs)).toThrow(message)
  })
})

describe('combineLegs', () => {
  it('lists the rows of every leg in leg order, with the commit they share', () => {
    const combined = combineLegs([
      {file: 'a/report.json', json: legJson([['1.21.13', 'linux/amd64'], ['1.22.12', 'linux/amd64']])},
      {file: 'b/report.json', json: legJson([['1.23.5', 'linux/amd64']])}
    ])
    expect(combined.rows.map(r => [r.file, r.report.version])).toEqual([
      ['a/report.json', '1.21.13'],
      ['a/report.json', '1.22.12'],
      ['b/report.json', '1.23.5']
    ])
    expect(combined).toMatchObject({commit: 'abc123', ref: 'refs/heads/main', problems: []})
  })

  it('keeps one version from two platforms as two rows', () => {
    const combined = combineLegs([
      {file: 'linux/report.json', json: legJson([['1.22.12', 'linux/amd64']])},
      {file: 'mac/report.json', json: legJson([['1.22.12', 'darwin/arm64']])}
    ])
    expect(combined.rows.map(r => r.report.platform)).toEqual(['linux/amd64', 'darwin/arm64'])
  })

  it.each([
    ['the same version and platform', [['1.22.12', 'linux/amd64']], [['1.22.12', 'linux/amd64']], /Go 1\.22\.12 on linux\/amd64 is reported twice, by a\/report\.json and by b\/report\.json/],
    ['the same version, neither naming a platform', [['1.22.12', undefined]], [['1.22.12', undefined]], /Go 1\.22\.12 is reported twice, by a\/report\.json and by b\/report\.json/]
  ] as [string, [string, string | undefined][], [string, string | undefined][], RegExp][])('refuses two legs reporting %s, naming both files', (_, a, b, message) => {
    expect(() => combineLegs([{file: 'a/report.json', json: legJson(a)}, {file: 'b/report.json', json: legJson(b)}])).toThrow(message)
  })

  it('refuses legs of different commits, naming the files and commits', () => {
    const legs = [
      {file: 'a/report.json', json: legJson([['1.21.13', 'linux/amd64']])},
      {file: 'b/report.json', json: legJson([['1.22.12', 'linux/amd64']], {commit: 'def456'})},
      {file: 'c/report.json', json: legJson([['1.23.5', 'linux/amd64']])}
    ]
    expect(() => combineLegs(legs)).toThrow(AggregateError)
    expect(() => combineLegs(legs)).toThrow('the reports are of different commits: "abc123" (a/report.json, c/report.json) and "def456" (b/report.json)')
  })

  it.each([
    ['a newer schema version', legJson([], {schemaVersion: 3}), "leg/report.json: schemaVersion 3 is not one this go-matrix reads (1, 2); every leg must run a go-matrix release no newer than the aggregate's"],
    ['no schema version', legJson([], {schemaVersion: undefined}), 'leg/report.json: schemaVersion undefined is not one this go-matrix reads (1, 2)'],
    ['not an object', [1, 2], 'leg/report.json: not a go-matrix report.json'],
    ['a commit that is not a string', legJson([], {commit: 7}), 'leg/report.json: not a valid go-matrix report.json: commit: expected a string, got 7'],
    ['versions that are not a list', legJson([], {versions: {}}), 'leg/report.json: not a valid go-matrix report.json: versions: expected a list, got an object'],
    ['a version without its status', legJson([], {versions: [{version: '1.22.12', spec: '1.22', tests: {}}]}), 'leg/report.json: not a valid go-matrix report.json: versions[0].status: missing'],
    ['an error that is not a string', legJson([], {error: {}}), 'leg/report.json: not a valid go-matrix report.json: error: expected a string, got an object']
  ])('refuses a report with %s', (_, json, message) => {
    expect(() => combineLegs([{file: 'leg/report.json', json}])).toThrow(message)
  })

  /** A leg of one row, with `change` applied to that row. */
  const legWithRow = (change: (row: Record<string, unknown>) => void) => {
    const json = legJson([['1.22.12', 'linux/amd64']])
    const row = (json.versions as Record<string, unknown>[])[0] as Record<string, unknown>
    row.coverage = {statements: {covered: 3, total: 4, percent: 75}, lines: {covered: 3, total: 4, percent: 75}, functions: {covered: 1, total: 1, percent: 100}, packages: [{name: 'example.com/m', statements: {covered: 3, total: 4, percent: 75}}]}
    change(row)
    return json
  }
  const invalid = 'leg/report.json: not a valid go-matrix report.json: '
  it.each<[string, (row: Record<string, unknown>) => void, string]>([
    ['a version that is a path', r => (r.version = '../../../../../tmp/x'), 'versions[0].version: expected a Go version such as 1.22.12 or 1.24rc1, got "../../../../../tmp/x"'],
    ['a version that is not a string', r => (r.version = 1.22), 'versions[0].version: expected a string, got 1.22'],
    ['a status it does not know', r => (r.status = 'great'), 'versions[0].status: expected one of "passed", "failed", "skipped", "error", got "great"'],
    ['a percentage that is text', r => ((r.coverage as {statements: {percent: unknown}}).statements.percent = 'abc'), 'versions[0].coverage.statements.percent: expected a number, got "abc"'],
    ['a percentage above 100', r => ((r.coverage as {lines: {percent: unknown}}).lines.percent = 150), 'versions[0].coverage.lines.percent: expected a number from 0 to 100, got 150'],
    ['more covered than total', r => ((r.coverage as {functions: {covered: unknown}}).functions.covered = 2), 'versions[0].coverage.functions: covered (2) is more than total (1)'],
    ['a negative count', r => ((r.tests as {passed: unknown}).passed = -1), `versions[0].tests.passed: expected a number from 0 to ${Number.MAX_SAFE_INTEGER}, got -1`],
    ['a fractional count', r => ((r.tests as {failed: unknown}).failed = 0.5), 'versions[0].tests.failed: expected a whole number, got 0.5'],
    ['a package without a name', r => ((r.coverage as {packages: unknown[]}).packages = [{statements: {covered: 0, total: 0, percent: 0}}]), 'versions[0].coverage.packages[0].name: missing'],
    ['a failure without output', r => ((r.tests as {failures: unknown}).failures = [{package: 'p', test: 'T'}]), 'versions[0].tests.failures[0].output: missing'],
    ['a platform that is a path', r => (r.platform = '../x'), 'versions[0].platform: expected GOOS/GOARCH such as linux/amd64, got "../x"'],
    ['a failure output of a megabyte', r => ((r.tests as {failures: unknown}).failures = [{package: 'p', test: 'T', output: 'x'.repeat(1 << 20)}]), 'versions[0].tests.failures[0].output: expected at most 65536 characters, got 1048576'],
    ['seconds that are not a number', r => (r.seconds = null), 'versions[0].seconds: expected a number, got null'],
    ['no toolchain', r => delete r.toolchain, 'versions[0].toolchain: missing'],
    ['a step command that is a number', r => (r.steps = [{name: 'test', ok: true, seconds: 1, command: 5}]), 'versions[0].steps[0].command: expected a string, got 5'],
    ['a step exit code that is text', r => (r.steps = [{name: 'test', ok: false, seconds: 1, exitCode: 'x'}]), 'versions[0].steps[0].exitCode: expected a number, got "x"'],
    ['slowest tests that are not a list', r => (r.slowestTests = 'TestA'), 'versions[0].slowestTests: expected a list, got "TestA"'],
    ['a slowest test without seconds', r => (r.slowestTests = [{package: 'p', test: 'T'}]), 'versions[0].slowestTests[0].seconds: missing'],
    ['a note that is an object', r => (r.notes = [{text: 'x'}]), 'versions[0].notes[0]: expected a string, got an object'],
    ['a note of a megabyte', r => (r.notes = ['x'.repeat(1 << 20)]), 'versions[0].notes[0]: expected at most 65536 characters, got 1048576'],
    ['cached packages below zero', r => (r.cachedPackages = -3), `versions[0].cachedPackages: expected a number from 0 to ${Number.MAX_SAFE_INTEGER}, got -3`],
    ['a build cache restored for text seconds', r => (r.buildCache = {where: 'actions-cache', restored: true, key: 'k', restoredBytes: 1, restoreSeconds: 'x', saved: false, saveSeconds: 0}), 'versions[0].buildCache.restoreSeconds: expected a number, got "x"'],
    ['a build cache of another kind', r => (r.buildCache = {where: 'disk', restored: true, key: null, restoredBytes: 1, restoreSeconds: 1, saved: false, saveSeconds: 0}), 'versions[0].buildCache.where: expected one of "actions-cache", "folder", got "disk"'],
    [
      'other binaries’ counts that cover more than all',
      r => ((r.coverage as Record<string, unknown>).otherTestBinaries = {statements: {covered: 5, total: 1, percent: 100}, packages: []}),
      'versions[0].coverage.otherTestBinaries.statements: covered (5) is more than total (1)'
    ],
    [
      'other binaries’ packages that are not a list',
      r => ((r.coverage as Record<string, unknown>).otherTestBinaries = {statements: {covered: 0, total: 1, percent: 0}, packages: 'p'}),
      'versions[0].coverage.otherTestBinaries.packages: expected a list, got "p"'
    ]
  ])('refuses a leg with %s, naming the field', (_, change, problem) => {
    expect(() => combineLegs([{file: 'leg/report.json', json: legWithRow(change)}])).toThrow(new AggregateError(invalid + problem))
  })

  it('accepts the rows go-matrix writes', () => {
    expect(combineLegs([{file: 'leg/report.json', json: legWithRow(r => (r.steps = [{name: 'build', ok: true, seconds: 1.5}]))}]).rows).toHaveLength(1)
  })

  it('keeps every field it checked, and only those, so nothing unchecked reaches a renderer', () => {
    const written = {
      steps: [{name: 'test', ok: false, seconds: 2, command: 'go test ./...', exitCode: 1}],
      cachedPackages: 2,
      buildCache: {where: 'actions-cache', restored: true, key: 'go-matrix-build-linux-amd64-go1.22.12-nodeps-1-1-x', restoredBytes: 10, restoreSeconds: 0.5, saved: false, saveSeconds: 0, addedEntries: 0, why: 'not saved: cache-save is never'},
      slowestTests: [{package: 'example.com/m', test: 'TestSlow', seconds: 1.25}],
      notes: ['output was truncated']
    }
    const other = {statements: {covered: 1, total: 2, percent: 50}, packages: [{name: 'example.com/m/x', statements: {covered: 1, total: 2, percent: 50}}]}
    const json = legWithRow(r => {
      Object.assign(r, written, {injected: '<img src=x>'})
      Object.assign(r.coverage as object, {otherTestBinaries: other, extra: 1})
      Object.assign(r.toolchain as object, {path: '/tmp'})
    })
    const [row] = combineLegs([{file: 'leg/report.json', json}]).rows
    expect(row?.report).toMatchObject(written)
    expect(row?.report.coverage?.otherTestBinaries).toEqual(other)
    expect(row?.report).not.toHaveProperty('injected')
    expect(row?.report.coverage).not.toHaveProperty('extra')
    expect(row?.report.toolchain).toEqual({source: 'local', sha256: '', seconds: 0})
  })

  it('refuses 200,000 versions at once, in bounded time and memory', () => {
    const json = legJson([['1.22.12', 'linux/amd64']])
    const row = (json.versions as unknown[])[0]
    json.versions = Array.from({length: 200_000}, () => row)
    const started = performance.now()
    expect(() => combineLegs([{file: 'leg/report.json', json}])).toThrow(`${invalid}versions: expected at most 1000 entries, got 200000`)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('refuses more rows in all than the aggregate takes', () => {
    const legs = Array.from({length: 3}, (_, leg) => ({
      file: `leg${leg}/report.json`,
      json: legJson(Array.from({length: 1000}, (_, i) => [`1.${i}.${leg}`, 'linux/amd64'] as [string, string]))
    }))
    expect(() => combineLegs(legs)).toThrow('the legs report 3000 versions in all; the aggregate takes at most 2000')
  })

  it('turns a leg whose report records an error into a failed leg, and keeps the missing ones', () => {
    const missing: LegProblem[] = [{file: 'legs/mac/report.json', kind: 'missing', reason: 'no such file'}]
    const combined = combineLegs(
      [
        {file: 'legs/a/report.json', json: legJson([['1.22.12', 'linux/amd64']])},
        {file: 'legs/b/report.json', json: legJson([], {error: 'Go 1.23 on linux/amd64: download failed'})}
      ],
      missing
    )
    expect(combined.rows).toHaveLength(1)
    expect(combined.problems).toEqual([
      {file: 'legs/mac/report.json', kind: 'missing', reason: 'no such file'},
      {file: 'legs/b/report.json', kind: 'failed', reason: 'Go 1.23 on linux/amd64: download failed'}
    ])
  })
})

describe('legsGate', () => {
  it('passes when every leg reported', () => {
    expect(legsGate(2, [])).toEqual({name: 'legs', threshold: 0, actual: 0, passed: true, message: 'All 2 legs reported.'})
  })

  it('fails naming each missing and failed leg', () => {
    const gate = legsGate(3, [
      {file: 'legs/mac/report.json', kind: 'missing', reason: 'no such file'},
      {file: 'legs/b/report.json', kind: 'failed', reason: 'download failed'}
    ])
    expect(gate).toMatchObject({name: 'legs', actual: 2, passed: false})
    expect(gate.message).toBe('2 of 3 legs gave no report: legs/mac/report.json is missing (no such file); legs/b/report.json failed: download failed.')
  })
})

describe('versionLabels', () => {
  it.each([
    ['unique versions keep their version', [['1.21.13', 'linux/amd64'], ['1.22.12', 'darwin/arm64']], ['1.21.13', '1.22.12']],
    [
      'a version on two platforms names both',
      [['1.21.13', 'linux/amd64'], ['1.22.12', 'linux/amd64'], ['1.22.12', 'darwin/arm64']],
      ['1.21.13', '1.22.12 (linux/amd64)', '1.22.12 (darwin/arm64)']
    ],
    ['rows without a platform keep their version', [['1.22.12', undefined]], ['1.22.12']]
  ] as [string, [string, string | undefined][], string[]][])('%s', (_, rows, labels) => {
    expect(versionLabels(rows.map(([version, platform]) => ({version, platform})))).toEqual(labels)
  })
})

describe('pickReference over labelled rows', () => {
  const rows = [
    {spec: '1.21', version: '1.21.13', label: '1.21.13'},
    {spec: '1.22', version: '1.22.12', label: '1.22.12 (linux/amd64)'},
    {spec: '1.22', version: '1.22.12', label: '1.22.12 (darwin/arm64)'}
  ]
  const coverage = new Map(rows.map(r => [r.label, true]))

  it.each([
    ['', '1.22.12 (linux/amd64)'],
    ['1.22', '1.22.12 (linux/amd64)'],
    ['1.22.12 (darwin/arm64)', '1.22.12 (darwin/arm64)'],
    ['go1.21.13', '1.21.13'],
    ['1.19', null]
  ])('reference-version %j picks %j', (wanted, label) => {
    expect(pickReference(wanted, rows, coverage)).toBe(label)
  })

  it('skips a row without coverage', () => {
    expect(pickReference('', rows, new Map([['1.21.13', true]]))).toBe('1.21.13')
  })
})

describe('functions from a leg’s LCOV', () => {
  const lcov = [
    'SF:mod/calc/calc.go',
    'FN:3,Add',
    'FN:9,String@9',
    'FN:20,String@20',
    'FNDA:4,Add',
    'FNDA:0,String@9',
    'FNDA:1,String@20',
    'FNF:3',
    'FNH:2',
    'DA:4,4',
    'end_of_record',
    'SF:mod/other/calc.go',
    'FN:1,Zero',
    'FNDA:0,Zero',
    'end_of_record'
  ].join('\n')

  it('reads FN and FNDA, taking off the @line of repeated names', () => {
    expect(parseLcovFunctions(lcov, 'coverage.lcov')).toEqual([
      {source: 'mod/calc/calc.go', line: 3, name: 'Add', hits: 4},
      {source: 'mod/calc/calc.go', line: 9, name: 'String', hits: 0},
      {source: 'mod/calc/calc.go', line: 20, name: 'String', hits: 1},
      {source: 'mod/other/calc.go', line: 1, name: 'Zero', hits: 0}
    ])
  })

  it.each([
    ['FN:x,Add', 'coverage.lcov:2: expected "FN:<line>,<name>", got "FN:x,Add"'],
    ['FNDA:1,Nope', 'coverage.lcov:2: FNDA for "Nope", which no FN line of a.go declares']
  ])('names the line of a bad record %j', (record, message) => {
    expect(() => parseLcovFunctions(`SF:a.go\n${record}\nend_of_record\n`, 'coverage.lcov')).toThrow(message)
  })

  it('pairs repository paths with import paths by their shared trailing segments', () => {
    const files = ['example.com/m/calc/calc.go', 'example.com/m/other/calc.go', 'example.com/m/x.go']
    expect(matchSourceFiles(['mod/calc/calc.go', 'mod/other/calc.go', 'mod/x.go'], files, 'coverage.lcov')).toEqual(
      new Map([
        ['mod/calc/calc.go', 'example.com/m/calc/calc.go'],
        ['mod/other/calc.go', 'example.com/m/other/calc.go'],
        ['mod/x.go', 'example.com/m/x.go']
      ])
    )
    expect(() => matchSourceFiles(['mod/y.go'], files, 'coverage.lcov')).toThrow('coverage.lcov: SF:mod/y.go names no file of the coverage profile')
    expect(() => matchSourceFiles(['calc.go'], files, 'coverage.lcov')).toThrow('could be example.com/m/calc/calc.go or example.com/m/other/calc.go')
  })

  it('gives covered, hits and the share of statements run between a function and the next', () => {
    const profile = makeProfile('count', [
      ['example.com/m/calc/calc.go', '3.1,5.2', 2, 4],
      ['example.com/m/calc/calc.go', '6.1,7.2', 2, 0],
      ['example.com/m/calc/calc.go', '10.1,12.2', 3, 0],
      ['example.com/m/calc/calc.go', '21.1,22.2', 1, 1]
    ])
    const functions = parseLcovFunctions(lcov, 'coverage.lcov').filter(fn => fn.source === 'mod/calc/calc.go')
    const byFile = new Map([['mod/calc/calc.go', 'example.com/m/calc/calc.go']])
    expect(functionsFromLcov(functions, byFile, profile)).toEqual([
      {file: 'example.com/m/calc/calc.go', line: 3, name: 'Add', percent: 50, covered: true, hits: 4},
      {file: 'example.com/m/calc/calc.go', line: 9, name: 'String', percent: 0, covered: false, hits: 0},
      {file: 'example.com/m/calc/calc.go', line: 20, name: 'String', percent: 100, covered: true, hits: 1}
    ])
  })
})
