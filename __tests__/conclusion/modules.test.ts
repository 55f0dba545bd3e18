import {describe, expect, it} from '@jest/globals'
import {moduleOfVersionRow, versionOfModules} from '../../src/report/module-rows.js'
import type {ModuleReport} from '../../src/report/schema.js'
import {repositoryPaths} from '../../src/coverage/lcov.js'
import {combineModuleCoverage, compareModules} from '../../src/conclusion/modules.js'
import {lineCoverage, summarizeLines} from '../../src/coverage/lines.js'
import {summarizeStatements} from '../../src/coverage/summary.js'
import {makeProfile} from '../coverage/builders.js'
import {counts, makeFailure, makeVersion} from '../report/builders.js'
import type {AnalysedCoverage} from '../../src/conclusion/conclude.js'

const toolchain = {source: 'local' as const, sha256: '', seconds: 0.1}

function module(dir: string, overrides: Partial<ModuleReport> = {}): ModuleReport {
  return moduleOfVersionRow(makeVersion('1.27.4', {seconds: 2, ...overrides} as never), {dir, path: dir === '.' ? 'example.com/mono' : `example.com/mono/${dir}`})
}

describe('versionOfModules', () => {
  const root = module('.', {
    coverage: {statements: counts(4, 8), lines: counts(5, 9), functions: counts(2, 2), packages: [{name: 'example.com/mono', statements: counts(4, 8)}]},
    tests: {passed: 2, failed: 0, skipped: 1, failures: []},
    steps: [{name: 'build', ok: true, seconds: 0.2}],
    slowestTests: [{package: 'example.com/mono', test: 'TestSlow', seconds: 3}]
  })
  const api = module('api', {
    status: 'failed',
    reason: '1 test failed',
    coverage: {statements: counts(4, 7), lines: counts(4, 6), functions: counts(1, 2), packages: [{name: 'example.com/mono/api', statements: counts(4, 7)}]},
    tests: {passed: 1, failed: 1, skipped: 0, failures: [makeFailure('TestTotal', {package: 'example.com/mono/api'})]},
    steps: [{name: 'build', ok: false, seconds: 0.3}],
    notes: ['go test printed a lot']
  })
  const tools = module('tools', {status: 'skipped', reason: 'tools/go.mod requires go >= 1.25', coverage: null, tests: {passed: 0, failed: 0, skipped: 0, failures: []}, seconds: 0})

  it("adds the modules' counts up, keeps their packages, steps and failures, and is as bad as the worst module", () => {
    const row = versionOfModules({spec: 'stable', version: '1.27.4', toolchain, platform: 'linux/amd64'}, [root, api, tools])
    expect(row).toMatchObject({
      spec: 'stable',
      version: '1.27.4',
      status: 'failed',
      reason: 'api: 1 test failed; tools: tools/go.mod requires go >= 1.25',
      platform: 'linux/amd64',
      tests: {passed: 3, failed: 1, skipped: 1},
      coverage: {statements: counts(8, 15), lines: counts(9, 15), functions: counts(3, 4)},
      notes: ['api: go test printed a lot'],
      seconds: 4
    })
    expect(row.coverage?.statements.percent).toBe(53.3)
    expect(row.coverage?.packages.map(p => p.name)).toEqual(['example.com/mono', 'example.com/mono/api'])
    expect(row.steps?.map(s => [s.name, s.ok])).toEqual([['.: build', true], ['api: build', false]])
    expect(row.tests.failures.map(f => f.test)).toEqual(['TestTotal'])
    expect(row.slowestTests).toEqual([{package: 'example.com/mono', test: 'TestSlow', seconds: 3}])
    expect(row.modules.map(m => [m.dir, m.path, m.status])).toEqual([
      ['.', 'example.com/mono', 'passed'],
      ['api', 'example.com/mono/api', 'failed'],
      ['tools', 'example.com/mono/tools', 'skipped']
    ])
    // A module row has no version fields of its own.
    expect(Object.keys(row.modules[0] as object)).not.toContain('version')
  })

  it('passes when every module that ran passed (a skipped module is in the grid, not the reason), and is skipped when all were', () => {
    const passed = versionOfModules({spec: '1.21', version: '1.21.13', toolchain}, [root, tools])
    expect(passed.status).toBe('passed')
    expect(passed).not.toHaveProperty('reason')
    const skipped = versionOfModules({spec: '1.21', version: '1.21.13', toolchain}, [tools])
    expect([skipped.status, skipped.reason, skipped.coverage]).toEqual(['skipped', 'tools: tools/go.mod requires go >= 1.25', null])
    const error = versionOfModules({spec: '1.21', version: '1.21.13', toolchain}, [api, module('x', {status: 'error', reason: 'timed out'})])
    expect(error.status).toBe('error')
  })
})

describe('combineModuleCoverage', () => {
  it("merges the modules' profiles, whose files are their own, so the version's statements are their sum", () => {
    const analysed = (profile: ReturnType<typeof makeProfile>): AnalysedCoverage => {
      const lines = lineCoverage(profile)
      return {profile, statements: summarizeStatements(profile), lines, lineSummary: summarizeLines(lines), functions: [], otherTestBinaries: null}
    }
    const root = analysed(makeProfile('set', [['example.com/mono/mono.go', '3.1,5.2', 2, 1], ['example.com/mono/mono.go', '7.1,9.2', 2, 0]]))
    const api = analysed(makeProfile('set', [['example.com/mono/api/api.go', '3.1,4.2', 3, 1]]))
    const both = combineModuleCoverage([
      {name: 'root', coverage: root},
      {name: 'api', coverage: api}
    ])
    expect(both.statements.total).toEqual(counts(5, 7))
    expect(both.lineSummary.total.total).toBe(root.lineSummary.total.total + api.lineSummary.total.total)
    expect(both.statements.packages.map(p => p.name)).toEqual(['example.com/mono', 'example.com/mono/api'])
    expect(combineModuleCoverage([{name: 'root', coverage: root}])).toBe(root)
  })
})

describe('compareModules', () => {
  const analysed = (profile: ReturnType<typeof makeProfile>): AnalysedCoverage => {
    const lines = lineCoverage(profile)
    return {profile, statements: summarizeStatements(profile), lines, lineSummary: summarizeLines(lines), functions: [], otherTestBinaries: null}
  }
  // Go 1.21 covers api's second block, Go 1.27 does not; the root is the same under both.
  const root = analysed(makeProfile('set', [['example.com/mono/mono.go', '3.1,5.2', 2, 1]]))
  const apiOld = analysed(makeProfile('set', [['example.com/mono/api/api.go', '3.1,4.2', 2, 1], ['example.com/mono/api/api.go', '6.1,7.2', 2, 1]]))
  const apiNew = analysed(makeProfile('set', [['example.com/mono/api/api.go', '3.1,4.2', 2, 1], ['example.com/mono/api/api.go', '6.1,7.2', 2, 0]]))
  const tools = analysed(makeProfile('set', [['example.com/mono/tools/tools.go', '3.1,3.9', 1, 1]]))

  it('compares each module with itself under the reference version, on the lines both instrument', () => {
    const compared = compareModules(
      [
        {label: '1.21.13', modules: [{dir: '.', coverage: root}, {dir: 'api', coverage: apiOld}, {dir: 'tools', coverage: null}]},
        {label: '1.27.4', modules: [{dir: '.', coverage: root}, {dir: 'api', coverage: apiNew}, {dir: 'tools', coverage: tools}]}
      ],
      '1.27.4'
    )
    expect([...compared.keys()]).toEqual(['1.21.13'])
    expect(Object.fromEntries(compared.get('1.21.13') ?? [])).toEqual({
      '.': {reference: '1.27.4', rawDelta: 0, likeForLikeDelta: 0, commonLines: 3},
      api: {reference: '1.27.4', rawDelta: 50, likeForLikeDelta: 50, commonLines: 4}
    })
    expect(compareModules([{label: '1.27.4', modules: [{dir: '.', coverage: root}]}], null).size).toBe(0)
  })
})

describe('repositoryPaths', () => {
  it('names a file by its module folder and its path within the module, the longest module path deciding', () => {
    const at = repositoryPaths([
      {path: 'example.com/mono', dir: ''},
      {path: 'example.com/mono/api', dir: 'services/api'},
      {path: 'example.com/mono/api/v2', dir: './services/api/v2/'}
    ])
    expect(at('example.com/mono/mono.go')).toBe('mono.go')
    expect(at('example.com/mono/internal/x.go')).toBe('internal/x.go')
    expect(at('example.com/mono/api/handler.go')).toBe('services/api/handler.go')
    expect(at('example.com/mono/api/v2/h.go')).toBe('services/api/v2/h.go')
    expect(at('example.com/other/x.go')).toBe('example.com/other/x.go')
    // A folder that starts with a dot keeps it.
    expect(repositoryPaths([{path: 'example.com/h', dir: '.hidden/mod'}])('example.com/h/a.go')).toBe('.hidden/mod/a.go')
  })
})
