/** Collect legs made from the generated Go profiles, as `mode: collect` writes them (no Go runs). */
import {copyFile, mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {readProfile} from '../../src/files/read-profile.js'
import {summarizeStatements} from '../../src/coverage/summary.js'
import {lineCoverage, summarizeLines} from '../../src/coverage/lines.js'
import {functionCoverage, parseFuncOutput, summarizeFunctions} from '../../src/coverage/functions.js'
import {formatLcov, moduleRelativePath} from '../../src/coverage/lcov.js'
import {parseOptions, type Options} from '../../src/inputs/options.js'
import type {AnalysedVersion, AnalysedCoverage} from '../../src/conclusion/conclude.js'
import {concludeRun} from '../../src/conclusion/run.js'
import {claimReportEntries, prepareReportFolder} from '../../src/files/report-folder.js'
import type {VersionReport} from '../../src/report/schema.js'
import {silentLogger} from '../../src/util/log.js'
import type {FixtureRun} from '../coverage/fixtures.js'

/** A version analysed from a fixture, with the profile file it came from. */
export type FixtureVersion = AnalysedVersion & {profileFile: string}

export const COMMIT = '0123456789abcdef0123456789abcdef01234567'
export const sourcePath = moduleRelativePath('example.com/basic', '__tests__/fixtures/cover/modules/basic')
export const ctx = (workspace: string) => ({workspace, tempDir: workspace, commit: COMMIT, ref: 'refs/heads/main', logger: silentLogger, toolVersion: 'test'})

export function options(inputs: Record<string, string>): Options {
  return parseOptions(name => inputs[name] ?? (name === 'baseline' ? 'none' : name === 'comment' ? 'false' : ''))
}

/** A version as runPipeline analyses it, from the fixture's profile and `go tool cover -func` output. */
export async function analysed(run: FixtureRun, platform = 'linux/amd64'): Promise<FixtureVersion> {
  const profileFile = path.join(run.dir, 'count.out')
  const profile = await readProfile(profileFile)
  const lines = lineCoverage(profile)
  const functions = functionCoverage(parseFuncOutput(await readFile(path.join(run.dir, 'func-count.txt'), 'utf8')), profile)
  const coverage: AnalysedCoverage = {profile, statements: summarizeStatements(profile), lines, lineSummary: summarizeLines(lines), functions}
  const report: VersionReport = {
    spec: run.version.split('.').slice(0, 2).join('.'),
    version: run.version,
    status: 'passed',
    platform,
    toolchain: {source: 'local', sha256: '', seconds: 0},
    tests: {passed: 3, failed: 0, skipped: 0, failures: []},
    coverage: {
      statements: coverage.statements.total,
      lines: coverage.lineSummary.total,
      functions: summarizeFunctions(functions),
      packages: coverage.statements.packages.map(p => ({name: p.name, statements: p.summary}))
    },
    seconds: 1
  }
  return {report, coverage, profileFile}
}

/** What a `mode: collect` leg leaves in its report directory. */
export async function writeLeg(dir: string, versions: readonly (AnalysedVersion & {profileFile: string})[], workspace: string): Promise<void> {
  // As a leg's run does: the folder is go-matrix's, and each version's folder is claimed before it is written.
  await prepareReportFolder(dir, {workspace})
  await claimReportEntries(dir, versions.map(v => v.report.version))
  for (const v of versions) {
    const versionDir = path.join(dir, v.report.version)
    await mkdir(versionDir, {recursive: true})
    await copyFile(v.profileFile, path.join(versionDir, 'coverage.out'))
    const c = v.coverage as AnalysedCoverage
    await writeFile(path.join(versionDir, 'coverage.lcov'), formatLcov(c.lines, {functions: c.functions, sourcePath}))
  }
  await concludeRun(options({'go-versions': '1.22', mode: 'collect'}), ctx(workspace), {reportDir: dir, versions, sourcePath})
}
