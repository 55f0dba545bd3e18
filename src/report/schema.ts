/**
 * report.json, schemaVersion 2 (docs/interface.md; its module level: README.md "Many modules").
 * These types are the public contract of the file: change them only together with the interface.
 * It is the one report model: the pipeline produces it, report.json serialises it as it is and the
 * renderers read it. Where a part is made elsewhere (a comparison, a gate, a test failure, a
 * module's row), its type is that module's, named here, so the report holds what the pipeline made
 * without a conversion.
 */
import type {BaselineComparison} from '../compare/baseline.js'
import type {DiffCoverage} from '../compare/diff.js'
import type {Gate} from '../compare/gates.js'
import type {VersionComparison} from '../compare/versions.js'
import type {Summary} from '../coverage/model.js'
import type {ToolchainSource, ToolchainVerification} from '../go/toolchain.js'
import type {VersionCacheReport} from '../cache/report.js'
import type {TestFailure} from '../runner/test-json.js'
import type {VersionStatus} from '../runner/types.js'

export type {BaselineComparison, DiffCoverage, Gate, TestFailure, VersionComparison, VersionStatus}

/**
 * 2 added `versions[].modules[]` (a run over several modules); a version's own figures are its
 * modules' together, so schema 1's fields keep their meaning.
 */
export const SCHEMA_VERSION = 2

/** The schema versions go-matrix reads (aggregate legs, baselines): every one it ever wrote. */
export {READABLE_SCHEMA_VERSIONS} from '../coverage/baseline.js'

/** Covered of total, and the percent with one decimal, as Go's %.1f prints it (coverage/model.ts Summary). */
export type Counts = Summary

export interface PackageCoverage {
  name: string
  statements: Counts
}

export interface VersionCoverage {
  /** Each package as its own tests cover it, as `go test -cover` prints it (all of them in total). */
  statements: Counts
  lines: Counts
  functions: Counts
  packages: PackageCoverage[]
  /**
   * Counters that the test binaries of other packages recorded for packages without test files
   * (Go 1.22 and 1.23 write them), which are not counted; absent when there were none. Per
   * package: how many of its statements those binaries ran, of how many.
   */
  otherTestBinaries?: {statements: Counts; packages: PackageCoverage[]}
}

export interface VersionReport {
  spec: string
  version: string
  status: VersionStatus
  reason?: string
  /** Operating system and architecture the version ran on (`linux/amd64`), for aggregated matrices. */
  platform?: string
  /**
   * `verified`: how the toolchain was checked before use (`archive`, `fast`, `full`, `unverified`);
   * `recovered`: a damaged copy was found and replaced from the verified archive. Both are absent
   * from reports written before go-matrix verified reused toolchains.
   */
  toolchain: {source: ToolchainSource; sha256: string; seconds: number; verified?: ToolchainVerification; recovered?: boolean}
  /**
   * The go commands in the order they ran: build, vet, cross-compiles, then `test` (not part of
   * schema 1's named fields; reports of earlier versions have no `test` step, `command` or `exitCode`).
   */
  steps?: {name: string; ok: boolean; seconds: number; command?: string; exitCode?: number | null}[]
  tests: {passed: number; failed: number; skipped: number; failures: TestFailure[]}
  coverage: VersionCoverage | null
  /**
   * Packages whose test result Go replayed from its test cache (Go 1.25 and later cache runs
   * with -coverprofile); their profile is the cached run's, the same as a fresh run's.
   */
  cachedPackages?: number
  /** The version's carried build cache: restored or missed (key, bytes, seconds), what the run added, saved or why not. */
  buildCache?: VersionCacheReport
  /** The slowest top-level tests that ran (not replayed from the cache), slowest first, at most 5. */
  slowestTests?: {package: string; test: string; seconds: number}[]
  /** What a reader should know about this version's run: output truncated, processes left running. */
  notes?: string[]
  seconds: number
  /** With several modules (schema 2): each module under this version, in folder order. */
  modules?: ModuleReport[]
}

/**
 * One module under one version (schema 2, `versions[].modules[]`): a version row's own fields,
 * for that module alone, with where it is (report/module-rows.ts makes a version's row from them).
 */
export interface ModuleReport extends Omit<VersionReport, 'spec' | 'version' | 'platform' | 'toolchain' | 'modules'> {
  /** The module's folder relative to working-directory (`.` for working-directory itself), '/'-separated. */
  dir: string
  /** Its module path (`example.com/repo/api`). */
  path: string
  /** This module against itself under the run's reference version (absent for the reference, or when either has no coverage). */
  comparison?: ModuleComparison
}

/** Like for like per module (conclusion/modules.ts), as compare/versions.ts judges whole versions. */
export interface ModuleComparison {
  /** The reference row's label. */
  reference: string
  /** Statement coverage minus the reference's, in points. */
  rawDelta: number
  /** Line coverage on the lines both instrument, minus the reference's, in points. */
  likeForLikeDelta: number
  /** How many lines both instrument. */
  commonLines: number
}

/** `comparisons.versions[]`: one version against the reference (compare/versions.ts). */
export type VersionComparisonReport = VersionComparison

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION
  tool: {name: 'go-matrix'; version: string}
  commit: string
  ref: string
  versions: VersionReport[]
  merged: {lines: Counts; packages: {name: string; lines: Counts}[]} | null
  comparisons: {
    versions: VersionComparison[]
    baseline: BaselineComparison | null
    diff: DiffCoverage | null
  }
  gates: Gate[]
  /** What could not be done and why (no baseline yet, no diff, …), one sentence each. */
  notes?: string[]
}

/** The `results` output: one object per version. */
export interface ResultSummary {
  spec: string
  version: string
  status: VersionStatus
  coverage: number | null
  tests: {passed: number; failed: number; skipped: number}
  seconds: number
}

export function toResults(report: Report): ResultSummary[] {
  return report.versions.map(v => ({
    spec: v.spec,
    version: v.version,
    status: v.status,
    coverage: v.coverage ? v.coverage.statements.percent : null,
    tests: {passed: v.tests.passed, failed: v.tests.failed, skipped: v.tests.skipped},
    seconds: v.seconds
  }))
}
