/**
 * The main job, shared by the action and the command line: install every version, run the
 * module under each, analyse coverage, compare, gate, and write the report files. The callers
 * only read inputs, pick directories and show the result.
 */
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {DOWNLOAD_TIMEOUT_VARIABLE, installGo, parseDownloadTimeout} from './go/install.js'
import {compareGoVersions} from './go/gover.js'
import {currentPlatform} from './go/platform.js'
import type {Toolchain} from './go/toolchain.js'
import {matrixPaths, runMatrix} from './runner/matrix.js'
import {defaultWorkDir} from './runner/env.js'
import type {VersionRun} from './runner/types.js'
import {readProfile} from './coverage/read.js'
import {summarizeStatements} from './coverage/summary.js'
import {lineCoverage, mergeLineCoverage, summarizeLines} from './coverage/lines.js'
import {functionCoverage, mergeFunctionCoverage, summarizeFunctions, type FunctionCoverage} from './coverage/functions.js'
import {functionsFromGo} from './coverage/go-cover.js'
import {countOwnTests, functionsOfOwnTests, type OtherTestBinaries} from './coverage/own-tests.js'
import {formatLcov, modulePathOf, moduleRelativePath} from './coverage/lcov.js'
import {formatProfile} from './coverage/go-profile.js'
import {mergeProfiles} from './coverage/merge.js'
import {readBaselineFile} from './coverage/baseline.js'
import {formatPercent} from './coverage/percent.js'
import type {Breakdown, LineCoverage, Profile} from './coverage/model.js'
import {compareVersions} from './compare/versions.js'
import {compareBaseline, type BaselineComparison} from './compare/baseline.js'
import {diffCoverage, type ChangedFile, type DiffCoverage} from './compare/diff.js'
import {evaluateGates, type RunFacts} from './compare/gates.js'
import type {Options} from './inputs/options.js'
import type {Logger} from './util/log.js'
import {joinArgs} from './util/split-args.js'
import {SCHEMA_VERSION, type Gate, type Report, type VersionReport} from './report/schema.js'
import {versionLabels} from './aggregate/version-labels.js'
import {decideVerdict, type Verdict} from './report/verdict.js'
import {renderSummary} from './report/summary.js'
import {claimReportEntries, prepareReportFolder} from './files/report-folder.js'
import {checkInputFiles} from './files/preflight.js'
import {carriedCachesFor, graphReader, outcomeOf, type ActionsCarry} from './cache/setup.js'
import {describeVersionCache} from './cache/report.js'

export interface PipelineContext {
  /** The repository root (GITHUB_WORKSPACE, or the current directory): relative inputs resolve here. */
  workspace: string
  /** RUNNER_TEMP or the system's temporary directory. */
  tempDir: string
  /** RUNNER_TOOL_CACHE, or a per-user cache for the command line. */
  toolCacheDir: string
  commit: string
  ref: string
  env: NodeJS.ProcessEnv
  logger: Logger
  signal?: AbortSignal
  toolVersion: string
  /** Called as soon as the versions are installed, so the `versions` output is set even if a later step fails. */
  onInstalled?: (toolchains: readonly Toolchain[]) => void
  /**
   * The baseline found by the caller for `baseline: auto` (restored from the Actions cache): a
   * report.json path, or null when there is none. Paths given in the input are read here.
   */
  autoBaselineFile?: string | null
  /** The pull request's changed lines, when the caller could read them; null or absent: no diff coverage. */
  changedLines?: readonly ChangedFile[] | null
  /** Why the pull request's changed lines could not be read, when the run is of a pull request and they could not: min-diff-coverage then fails. */
  changedLinesUnreadable?: string
  /** Sentences for the report and summary that explain what could not be done (no baseline, no diff, …). */
  notes?: readonly string[]
  /** The workflow run's page, linked from the summary. */
  runUrl?: string
  /**
   * Each version's log group holds go test's whole output instead of failures and a line per
   * package (the action: step debug logging; the command line: --verbose or --log-file).
   */
  fullLogs?: boolean
  /**
   * The Actions cache for carrying each version's build cache and the module cache (the action),
   * with whether this run saves; absent: they stay in the persistent cache folder (`cache: true`).
   */
  carriedCache?: ActionsCarry
}

export interface PipelineResult {
  report: Report
  verdict: Verdict
  summary: string
  toolchains: Toolchain[]
  /** The reference version's statement coverage, one decimal ("87.6"), or '' when it has none. */
  referenceCoverage: string
  reportDir: string
  files: {report: string; lcov: string; merged: string; summary: string}
}

/** What the coverage engine made of one version's profile. */
export interface VersionCoverage {
  /** The profile as counted: each package by its own tests (countOwnTests). */
  profile: Profile
  statements: Breakdown
  lines: LineCoverage
  lineSummary: Breakdown
  functions: FunctionCoverage[]
  /** Counters of other test binaries for packages without test files, not counted (Go 1.22, 1.23). */
  otherTestBinaries?: OtherTestBinaries | null
}

/** Where the report files go: `report-directory` relative to the workspace, else `<temp>/go-matrix`. */
export function reportDirectoryOf(options: Pick<Options, 'reportDirectory'>, workspace: string, tempDir: string): string {
  return options.reportDirectory ? path.resolve(workspace, options.reportDirectory) : path.join(tempDir, 'go-matrix')
}

export async function runPipeline(options: Options, ctx: PipelineContext): Promise<PipelineResult> {
  const {logger} = ctx
  const downloadTimeoutMs = parseDownloadTimeout(ctx.env[DOWNLOAD_TIMEOUT_VARIABLE])
  const reportDir = reportDirectoryOf(options, ctx.workspace, ctx.tempDir)
  const moduleDir = path.resolve(ctx.workspace, options.workingDirectory)
  const workDir = defaultWorkDir(ctx.env)
  // GO_MATRIX_CACHE_DIR keeps Go's build and module caches in a folder of the user's choosing,
  // between runs (a developer's machine, the tests); by default they live in the work folder.
  const cacheDir = ctx.env.GO_MATRIX_CACHE_DIR ? path.resolve(ctx.workspace, ctx.env.GO_MATRIX_CACHE_DIR) : undefined
  // Inputs that name files, and the report folder, are checked before anything is installed.
  await checkInputFiles(options, ctx.workspace)
  await prepareReportFolder(reportDir, {workspace: ctx.workspace, moduleDir, workDirs: cacheDir ? [workDir, cacheDir] : [workDir]})

  const paths = matrixPaths({workDir, cacheDir})
  const carried = carriedCachesFor({
    cache: options.cache,
    actions: ctx.carriedCache,
    env: ctx.env,
    paths,
    moduleDir,
    platform: currentPlatform(),
    logger
  })

  const toolchains = await installGo({
    onResolved: versions => carried?.start(versions),
    specs: options.goVersions,
    versionFile: options.goVersionFile ? path.resolve(ctx.workspace, options.goVersionFile) : '',
    downloadBaseUrl: options.downloadBaseUrl,
    localToolchains: options.localToolchains.map(dir => path.resolve(ctx.workspace, dir)),
    cache: options.cache,
    toolCacheDir: ctx.toolCacheDir,
    tempDir: ctx.tempDir,
    logger,
    signal: ctx.signal,
    ...(downloadTimeoutMs !== undefined ? {downloadTimeoutMs} : {})
  })
  logger.info(`go-matrix: ${toolchains.map(t => `${t.version} (${t.source})`).join(', ')}`)
  ctx.onInstalled?.(toolchains)
  await claimReportEntries(reportDir, toolchains.map(t => t.version))

  const sourcePath = await lcovSourcePath(moduleDir, ctx.workspace)
  // Each version's coverage is analysed (its own `go tool cover -func` process) as soon as that
  // version finishes, while the others are still testing.
  const analyses = new Map<string, Promise<VersionCoverage | null>>()
  const analyse = (run: VersionRun): Promise<VersionCoverage | null> => {
    let pending = analyses.get(run.toolchain.version)
    if (!pending) {
      pending = analyseVersion(run, moduleDir, ownTestsOnly(options), logger).then(async result => {
        if (result) await writeFile(path.join(run.dir, 'coverage.lcov'), formatLcov(result.lines, {functions: result.functions, sourcePath}))
        return result
      })
      analyses.set(run.toolchain.version, pending)
    }
    return pending
  }
  const runs = await runMatrix({
    toolchains,
    moduleDir,
    packages: options.packages,
    build: options.build,
    vet: options.vet,
    buildTargets: options.buildTargets,
    testFlags: options.testFlags,
    coverMode: options.coverMode,
    coverPackages: options.coverPackages,
    maxParallel: options.maxParallel,
    timeoutMinutes: options.timeoutMinutes,
    reportDir,
    workDir,
    ...(cacheDir ? {cacheDir} : {}),
    env: ctx.env,
    logger,
    signal: ctx.signal,
    fullLogs: ctx.fullLogs ?? false,
    annotationBase: ctx.workspace,
    ...(carried ? {beforeVersion: (version: string) => carried.beforeVersion(version)} : {}),
    onVersionDone: run => {
      // Marked handled here; the await below still receives any error.
      void analyse(run).catch(() => undefined)
      void carried?.afterVersion(run.toolchain.version, outcomeOf(run)).then(() => {
        const cache = carried.reportOf(run.toolchain.version)
        if (cache && outcomeOf(run) === 'ran') logger.info(`Go ${run.toolchain.version}: ${describeVersionCache(cache)}`)
      })
    }
  })
  await carried?.finish(graphReader(runs, paths, ctx.env))

  const analysed = await Promise.all(runs.map(async run => [run.toolchain.version, await analyse(run)] as const))
  const coverage = new Map<string, VersionCoverage>()
  for (const [version, result] of analysed) if (result) coverage.set(version, result)
  const versions: AnalysedVersion[] = runs.map(run => {
    const c = coverage.get(run.toolchain.version)
    const cache = carried?.reportOf(run.toolchain.version)
    return {report: {...versionReport(run, c), ...(cache ? {buildCache: cache} : {})}, coverage: c ?? null}
  })
  // How a version was chosen when no spec named it (a go.mod without a go line) belongs in the report too.
  const chosen = toolchains.flatMap(t => (t.note ? [t.note] : []))
  const result = await concludeRun(options, {...ctx, notes: [...(ctx.notes ?? []), ...chosen, ...(carried?.notes ?? [])]}, {reportDir, versions, sourcePath})
  return {...result, toolchains}
}

/** One version's outcome as report.json records it, with what the coverage engine made of its profile. */
export interface AnalysedVersion {
  report: VersionReport
  coverage: VersionCoverage | null
}

/**
 * Everything after the runs, shared by `mode: run`/`collect` and `mode: aggregate`: the
 * reference, cross-version, baseline and diff comparisons, the gates (none when collecting),
 * merged.lcov, merged.out, report.json, the verdict and summary.md.
 */
export async function concludeRun(
  options: Options,
  ctx: Pick<
    PipelineContext,
    'workspace' | 'commit' | 'ref' | 'logger' | 'toolVersion' | 'autoBaselineFile' | 'changedLines' | 'changedLinesUnreadable' | 'notes' | 'runUrl'
  >,
  input: {
    reportDir: string
    versions: readonly AnalysedVersion[]
    sourcePath: (file: string) => string
    /** Checks decided before this point that gate the job too (the aggregate's "every leg reported"). */
    checks?: readonly Gate[]
  }
): Promise<Omit<PipelineResult, 'toolchains'>> {
  const {logger} = ctx
  const {reportDir, sourcePath} = input
  // Rows are keyed by their label: the version, or `<version> (<platform>)` when an aggregated
  // matrix ran one version on several platforms. Comparisons and gates name rows by it.
  const labels = versionLabels(input.versions.map(v => v.report))
  const coverage = new Map<string, VersionCoverage>()
  input.versions.forEach((v, i) => {
    if (v.coverage) coverage.set(labels[i] as string, v.coverage)
  })

  const reference = pickReference(
    options.referenceVersion,
    input.versions.map((v, i) => ({spec: v.report.spec, version: v.report.version, label: labels[i] as string})),
    coverage
  )
  const referenceCoverage = reference ? coverage.get(reference) : undefined
  const comparisons = reference
    ? compareVersions(
        [...coverage].map(([version, c]) => ({version, profile: c.profile, lines: c.lines, otherTestBinaries: c.otherTestBinaries ?? null})),
        reference
      )
    : []

  const notes = [...(ctx.notes ?? [])]
  // A collect leg reports its own versions only: the baseline, the pull request's diff and the
  // gates are the concluding job's (run or aggregate), which sees every version.
  const concludes = options.mode !== 'collect'
  const baselineFile = !concludes
    ? null
    : options.baseline.kind === 'path'
      ? path.resolve(ctx.workspace, options.baseline.path)
      : options.baseline.kind === 'auto'
        ? (ctx.autoBaselineFile ?? null)
        : null
  let baseline: BaselineComparison | null = null
  if (baselineFile && referenceCoverage) {
    const rows = input.versions.map((v, i) => ({label: labels[i] as string, version: v.report.version, platform: v.report.platform, statements: v.report.coverage?.statements ?? null}))
    baseline = compareBaseline({statements: referenceCoverage.statements, lines: referenceCoverage.lineSummary}, await readBaselineFile(baselineFile), rows)
  } else if (baselineFile) {
    notes.push('The baseline was not compared: the reference version has no coverage.')
  }

  const all = [...coverage.values()]
  const mergedLines = all.length > 0 ? mergeLineCoverage(all.map(c => c.lines)) : null
  // Diff coverage is over the merged lines: a changed line counts as covered when a test ran it under any version.
  const diff: DiffCoverage | null = concludes && ctx.changedLines && mergedLines ? diffCoverage(mergedLines, ctx.changedLines) : null

  const evaluated = !concludes ? [] : evaluateGates(
    {
      maxVersionDelta: options.maxVersionDelta,
      minCoverage: options.minCoverage,
      maxCoverageDrop: options.maxCoverageDrop,
      minDiffCoverage: options.minDiffCoverage
    },
    {
      reference: reference && referenceCoverage ? {version: reference, statements: referenceCoverage.statements.total} : null,
      versions: comparisons,
      baseline,
      diff,
      runs: input.versions.map((v, i) => runFacts(v.report, labels[i] as string, coverage.has(labels[i] as string))),
      baselineFound: baselineFile !== null,
      changedLines: ctx.changedLines
        ? {state: 'read'}
        : ctx.changedLinesUnreadable !== undefined
          ? {state: 'unreadable', reason: ctx.changedLinesUnreadable}
          : {state: 'none'}
    }
  )
  const gates: Gate[] = [...(input.checks ?? []), ...evaluated]
  const files = {
    report: path.join(reportDir, 'report.json'),
    lcov: path.join(reportDir, 'merged.lcov'),
    merged: path.join(reportDir, 'merged.out'),
    summary: path.join(reportDir, 'summary.md')
  }
  await writeFile(
    files.lcov,
    mergedLines ? formatLcov(mergedLines, {functions: mergeFunctionCoverage(all.map(c => c.functions)), sourcePath}) : ''
  )
  await writeMergedProfile(files.merged, coverage, logger)

  const mergedSummary = mergedLines ? summarizeLines(mergedLines) : null
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: {name: 'go-matrix', version: ctx.toolVersion},
    commit: ctx.commit,
    ref: ctx.ref,
    versions: input.versions.map(v => v.report),
    merged: mergedSummary
      ? {lines: mergedSummary.total, packages: mergedSummary.packages.map(p => ({name: p.name, lines: p.summary}))}
      : null,
    comparisons: {
      versions: comparisons as unknown as Report['comparisons']['versions'],
      baseline: baseline as unknown as Record<string, unknown> | null,
      diff: diff ? {lines: diff.lines, uncovered: diff.uncovered, files: diff.files} : null
    },
    gates,
    notes
  }
  const verdict = decideVerdict(report, options.failOnTestFailure)
  const summary = renderSummary(report, verdict, {notes, ...(ctx.runUrl ? {runUrl: ctx.runUrl} : {})})
  await writeFile(files.report, JSON.stringify(report, null, 2) + '\n')
  await writeFile(files.summary, summary)
  return {
    report,
    verdict,
    summary,
    referenceCoverage: referenceCoverage ? formatPercent(referenceCoverage.statements.total.covered, referenceCoverage.statements.total.total) : '',
    reportDir,
    files
  }
}

/** What the gates need to know of a row to say why it has no coverage. */
function runFacts(v: VersionReport, label: string, hasCoverage: boolean): RunFacts {
  return {
    version: label,
    status: v.status,
    ...(v.reason !== undefined ? {reason: v.reason} : {}),
    tests: v.tests.passed + v.tests.failed + v.tests.skipped,
    coverage: hasCoverage
  }
}

/**
 * Whether a package is counted by its own tests only (countOwnTests): unless `-coverpkg` is given
 * (as cover-packages or in test-flags), when every test binary's counters of every package count.
 */
function ownTestsOnly(options: Pick<Options, 'coverPackages' | 'testFlags'>): boolean {
  return options.coverPackages === '' && !options.testFlags.some(flag => /^--?coverpkg(=|$)/.test(flag))
}

async function analyseVersion(run: VersionRun, moduleDir: string, ownTests: boolean, logger: Logger): Promise<VersionCoverage | null> {
  if (!run.profile) return null
  let written: Profile
  try {
    written = await readProfile(run.profile)
  } catch (err) {
    logger.warning(`Go ${run.toolchain.version}: its coverage profile cannot be read: ${(err as Error).message}`)
    return null
  }
  const withoutTests = ownTests ? run.packages.filter(p => p.noTestFiles).map(p => p.name) : []
  const {profile, otherTestBinaries} = countOwnTests(written, withoutTests)
  const lines = lineCoverage(profile)
  let functions: FunctionCoverage[] = []
  try {
    functions = functionsOfOwnTests(functionCoverage(await functionsFromGo(run.toolchain.goroot, run.profile, moduleDir, written), profile), otherTestBinaries)
  } catch (err) {
    logger.warning(`Go ${run.toolchain.version}: no function coverage: ${(err as Error).message}`)
  }
  return {profile, statements: summarizeStatements(profile), lines, lineSummary: summarizeLines(lines), functions, otherTestBinaries}
}

/**
 * The version the others are compared with: the one named by reference-version (an exact
 * version, or a spec as written), else the newest resolved version; of rows of one version on
 * several platforms, the first. Only a row with coverage can be a reference. Returns the row's
 * label (its key in `coverage`), which is its version unless a label is given.
 */
export function pickReference(
  wanted: string,
  versions: readonly {spec: string; version: string; label?: string}[],
  coverage: ReadonlyMap<string, unknown>
): string | null {
  const keyed = versions.map(t => ({...t, label: t.label ?? t.version}))
  const candidates = keyed.filter(t => coverage.has(t.label))
  if (wanted !== '') {
    const bare = wanted.replace(/^go/, '')
    const match =
      candidates.find(t => t.label === wanted) ??
      candidates.find(t => t.version === bare) ??
      candidates.find(t => t.spec === wanted) ??
      candidates.find(t => t.version.startsWith(`${bare}.`))
    return match?.label ?? null
  }
  // A stable sort: of one version on several platforms, the first row wins.
  const newest = [...candidates].sort((a, b) => compareGoVersions(b.version, a.version))[0]
  return newest?.label ?? null
}

function versionReport(run: VersionRun, coverage: VersionCoverage | undefined): VersionReport {
  return {
    spec: run.toolchain.spec,
    version: run.toolchain.version,
    status: run.status,
    ...(run.reason !== undefined ? {reason: run.reason} : {}),
    platform: `${currentPlatform().os}/${currentPlatform().arch}`,
    toolchain: {source: run.toolchain.source, sha256: run.toolchain.sha256, seconds: run.toolchain.seconds},
    steps: run.steps.map(s => ({name: s.name, ok: s.ok, seconds: s.seconds, command: joinArgs(['go', ...s.args]), exitCode: s.exitCode})),
    // A package that failed to build is a failure too: listed with an empty test name and the compiler's output.
    tests: {
      ...run.tests,
      failures: [...run.tests.failures, ...run.buildFailures.map(b => ({package: b.package, test: '', output: b.output}))]
    },
    coverage: coverage
      ? {
          statements: coverage.statements.total,
          lines: coverage.lineSummary.total,
          functions: summarizeFunctions(coverage.functions),
          packages: coverage.statements.packages.map(p => ({name: p.name, statements: p.summary})),
          ...(coverage.otherTestBinaries
            ? {otherTestBinaries: {statements: coverage.otherTestBinaries.statements, packages: coverage.otherTestBinaries.packages.map(p => ({name: p.name, statements: p.summary}))}}
            : {})
        }
      : null,
    cachedPackages: run.packages.filter(p => p.cached).length,
    slowestTests: run.slowestTests,
    ...(run.notes.length > 0 ? {notes: run.notes} : {}),
    seconds: run.seconds
  }
}

/** LCOV names files by their path in the repository (so genhtml and coverage services find them). */
async function lcovSourcePath(moduleDir: string, workspace: string): Promise<(file: string) => string> {
  let goMod: string
  try {
    goMod = await readFile(path.join(moduleDir, 'go.mod'), 'utf8')
  } catch {
    return file => file
  }
  const relative = path.relative(workspace, moduleDir).split(path.sep).join('/')
  return moduleRelativePath(modulePathOf(goMod, path.join(moduleDir, 'go.mod')), relative.startsWith('..') ? '' : relative)
}

async function writeMergedProfile(file: string, coverage: ReadonlyMap<string, VersionCoverage>, logger: Logger): Promise<void> {
  if (coverage.size === 0) {
    await writeFile(file, '')
    return
  }
  try {
    const merged = mergeProfiles([...coverage].map(([version, c]) => ({name: `Go ${version}`, profile: c.profile})))
    await writeFile(file, formatProfile(merged))
  } catch (err) {
    logger.warning(`merged.out not written: ${(err as Error).message}`)
    await writeFile(file, '')
  }
}
