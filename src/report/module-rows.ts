/**
 * The module level of report.json (schemaVersion 2, schema.ts ModuleReport): a version's row holds one entry per module
 * (`versions[].modules[]`), and the row's own figures are those of its modules together, so every
 * reader of schema 1's `versions[]` (the `results` output, the comparisons, the gates, the version
 * table) keeps working on whole versions. Pure: module rows in, a version row out.
 */
import {addSummaries} from '../coverage/percent.js'
import type {ModuleReport, VersionReport} from './schema.js'

/** How a module is named to a reader: its folder, `.` for the module at working-directory. */
export function moduleName(m: Pick<ModuleReport, 'dir'>): string {
  return m.dir
}

/** A version is as bad as its worst module: an error, else a failure, else passed when any module ran, else skipped. */
function versionStatus(modules: readonly ModuleReport[]): VersionReport['status'] {
  for (const status of ['error', 'failed', 'passed'] as const) if (modules.some(m => m.status === status)) return status
  return 'skipped'
}

const SLOWEST_TESTS = 5

/**
 * A version's row from its modules' rows (in module order): its status the worst of theirs, its
 * reason naming each module that did not pass (only when the version did not pass either), its
 * tests, statements, lines and functions their sums (each module's packages are its own, so its
 * counts add up), its packages theirs in module order, its steps theirs with the module named
 * (`api: build`), its time the sum of theirs (the modules of a version may run side by side).
 */
export function versionOfModules(
  version: Pick<VersionReport, 'spec' | 'version' | 'toolchain'> & {platform?: string},
  modules: readonly ModuleReport[]
): VersionReport & {modules: ModuleReport[]} {
  const status = versionStatus(modules)
  const named = (m: ModuleReport, text: string): string => `${moduleName(m)}: ${text}`
  const reasons = modules.filter(m => m.status !== 'passed' && m.reason !== undefined).map(m => named(m, m.reason as string))
  const covered = modules.filter(m => m.coverage !== null).map(m => m.coverage as NonNullable<VersionReport['coverage']>)
  const other = covered.flatMap(c => (c.otherTestBinaries ? [c.otherTestBinaries] : []))
  const notes = modules.flatMap(m => (m.notes ?? []).map(n => named(m, n)))
  const slowest = modules
    .flatMap(m => m.slowestTests ?? [])
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, SLOWEST_TESTS)
  return {
    spec: version.spec,
    version: version.version,
    status,
    ...(status !== 'passed' && reasons.length > 0 ? {reason: reasons.join('; ')} : {}),
    ...(version.platform !== undefined ? {platform: version.platform} : {}),
    toolchain: version.toolchain,
    steps: modules.flatMap(m => (m.steps ?? []).map(s => ({...s, name: named(m, s.name)}))),
    tests: {
      passed: sum(modules.map(m => m.tests.passed)),
      failed: sum(modules.map(m => m.tests.failed)),
      skipped: sum(modules.map(m => m.tests.skipped)),
      failures: modules.flatMap(m => m.tests.failures)
    },
    coverage:
      covered.length === 0
        ? null
        : {
            statements: addSummaries(covered.map(c => c.statements)),
            lines: addSummaries(covered.map(c => c.lines)),
            functions: addSummaries(covered.map(c => c.functions)),
            packages: covered.flatMap(c => c.packages),
            ...(other.length > 0 ? {otherTestBinaries: {statements: addSummaries(other.map(o => o.statements)), packages: other.flatMap(o => o.packages)}} : {})
          },
    cachedPackages: sum(modules.map(m => m.cachedPackages ?? 0)),
    slowestTests: slowest,
    ...(notes.length > 0 ? {notes} : {}),
    seconds: sum(modules.map(m => m.seconds)),
    modules: [...modules]
  }
}

/** A version row's module row: the row's own figures with the module's folder and path in place of the version's fields. */
export function moduleOfVersionRow(row: VersionReport, module: {dir: string; path: string}): ModuleReport {
  const {spec: _spec, version: _version, platform: _platform, toolchain: _toolchain, modules: _modules, ...own} = row
  return {dir: module.dir, path: module.path, ...own}
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
