/**
 * The main job, shared by the action and the command line: install every version, run the
 * module under each, analyse coverage, compare, gate, and write the report files. The callers
 * only read inputs, pick directories and show the result.
 */
import {readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {DOWNLOAD_TIMEOUT_VARIABLE, installGo, parseDownloadTimeout} from './go/install.js'
import {currentPlatform} from './go/platform.js'
import type {Toolchain} from './go/toolchain.js'
import {modulePathOf} from './go/go-mod.js'
import {matrixPaths, runMatrix} from './runner/matrix.js'
import {defaultWorkDir, scratchDirOf} from './runner/env.js'
import type {VersionRun} from './runner/types.js'
import {readProfile} from './files/read-profile.js'
import {summarizeStatements} from './coverage/summary.js'
import {lineCoverage, summarizeLines} from './coverage/lines.js'
import {functionCoverage, summarizeFunctions, type FunctionCoverage} from './coverage/functions.js'
import {functionsFromGo} from './runner/go-cover.js'
import {countOwnTests, functionsOfOwnTests} from './coverage/own-tests.js'
import {formatLcov, moduleRelativePath, repositoryPaths} from './coverage/lcov.js'
import type {Profile} from './coverage/model.js'
import type {Options} from './inputs/options.js'
import type {Logger} from './util/log.js'
import {joinArgs} from './util/split-args.js'
import type {VersionReport} from './report/schema.js'
import {claimReportEntries, prepareReportFolder, reportDirectoryOf} from './files/report-folder.js'
import {ToolchainLedger} from './toolchains/ledger.js'
import {pruneForRetention} from './toolchains/reclaim.js'
import {checkInputFiles} from './files/preflight.js'
import {carriedCachesFor, graphReader, outcomeOf, unitsDone, type ActionsCarry} from './cache/setup.js'
import {describeVersionCache} from './cache/report.js'
import type {AnalysedCoverage, AnalysedVersion} from './conclusion/conclude.js'
import {concludeRun, type ConclusionContext, type PipelineResult} from './conclusion/run.js'
import {combineModuleCoverage} from './conclusion/modules.js'
import {resolveModules, type ModuleFolder} from './modules/discover.js'
import {ModuleSelectionError, type ModuleSelection} from './modules/selection.js'
import {InputError} from './inputs/options.js'
import {moduleOfVersionRow, versionOfModules} from './report/module-rows.js'

export interface PipelineContext extends ConclusionContext {
  /** RUNNER_TEMP or the system's temporary directory. */
  tempDir: string
  /** RUNNER_TOOL_CACHE, or a per-user cache for the command line. */
  toolCacheDir: string
  env: NodeJS.ProcessEnv
  signal?: AbortSignal
  /** Called as soon as the versions are installed, so the `versions` output is set even if a later step fails. */
  onInstalled?: (toolchains: readonly Toolchain[]) => void
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

export type {PipelineResult}

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
  // The modules are found before anything is installed, so a selection that names nothing fails at once.
  const modules = await chooseModules(options.modules, {workingDir: moduleDir, workspace: ctx.workspace}, logger)
  await prepareReportFolder(reportDir, {workspace: ctx.workspace, moduleDir, workDirs: cacheDir ? [workDir, cacheDir] : [workDir]})

  // The job's leases on the toolchains it uses: toolchains prune (another job's retention, an
  // administrator) leaves them alone until the job ends.
  const ledger = new ToolchainLedger(ctx.toolCacheDir, message => logger.warning(message))
  try {
    return await installAndRun(options, ctx, {reportDir, moduleDir, modules, workDir, cacheDir, downloadTimeoutMs, ledger})
  } finally {
    await ledger.leases.releaseAll()
  }
}

async function installAndRun(
  options: Options,
  ctx: PipelineContext,
  job: {reportDir: string; moduleDir: string; modules: ModuleFolder[] | null; workDir: string; cacheDir: string | undefined; downloadTimeoutMs: number | undefined; ledger: ToolchainLedger}
): Promise<PipelineResult> {
  const {logger} = ctx
  const {reportDir, moduleDir, modules, workDir, cacheDir, downloadTimeoutMs, ledger} = job
  const paths = matrixPaths({workDir, cacheDir})
  const carried = carriedCachesFor({
    cache: options.cache,
    actions: ctx.carriedCache,
    env: ctx.env,
    paths,
    moduleDir,
    ...(modules ? {moduleDirs: modules.map(m => m.absolute)} : {}),
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
    verify: options.verify,
    ledger,
    toolCacheDir: ctx.toolCacheDir,
    tempDir: ctx.tempDir,
    logger,
    signal: ctx.signal,
    ...(downloadTimeoutMs !== undefined ? {downloadTimeoutMs} : {})
  })
  logger.info(`go-matrix: ${toolchains.map(t => `${t.version} (${t.source})`).join(', ')}`)
  ctx.onInstalled?.(toolchains)
  await claimReportEntries(reportDir, toolchains.map(t => t.version))

  const sourcePath = modules
    ? repositoryPaths(modules.map(m => ({path: m.path, dir: repositoryDir(ctx.workspace, m.absolute)})))
    : await lcovSourcePath(moduleDir, ctx.workspace)
  // Each version's (each module × version's) coverage is analysed (its own `go tool cover -func`
  // process) as soon as it finishes, while the others are still testing. Its folder names it.
  const analyses = new Map<string, Promise<AnalysedCoverage | null>>()
  const analyse = (run: VersionRun): Promise<AnalysedCoverage | null> => {
    let pending = analyses.get(run.dir)
    if (!pending) {
      const dir = run.module ? path.join(moduleDir, ...run.module.dir.split('/')) : moduleDir
      pending = analyseVersion(run, dir, ownTestsOnly(options), logger).then(async result => {
        if (result) await writeFile(path.join(run.dir, 'coverage.lcov'), formatLcov(result.lines, {functions: result.functions, sourcePath}))
        return result
      })
      analyses.set(run.dir, pending)
    }
    return pending
  }
  const lastOfVersion = unitsDone(modules ? modules.length : 1)
  const runs = await runMatrix({
    toolchains,
    moduleDir,
    ...(modules ? {modules: modules.map(m => m.dir)} : {}),
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
      // A version's build cache is saved once, after its last module's run.
      const outcome = lastOfVersion(run.toolchain.version, outcomeOf(run))
      if (outcome === null) return
      void carried?.afterVersion(run.toolchain.version, outcome).then(() => {
        const cache = carried.reportOf(run.toolchain.version)
        if (cache && outcome === 'ran') logger.info(`Go ${run.toolchain.version}: ${describeVersionCache(cache)}`)
      })
    }
  })
  await carried?.finish(graphReader(runs, paths, ctx.env))

  const analysed = await Promise.all(runs.map(async run => ({run, coverage: await analyse(run)})))
  // The go commands are done: each version's GOTMPDIR goes (a killed go's go-build* folders with it).
  await Promise.all(toolchains.map(t => rm(scratchDirOf(workDir, t.version), {recursive: true, force: true}).catch(() => undefined)))
  const versions: AnalysedVersion[] = modules
    ? versionsOfModules(analysed)
    : analysed.map(({run, coverage: c}) => ({report: versionReport(run, c ?? undefined), coverage: c}))
  // Each version's carried build cache, beside its row.
  for (const v of versions) {
    const cache = carried?.reportOf(v.report.version)
    if (cache) v.report.buildCache = cache
  }
  // How a version was chosen when no spec named it (a go.mod without a go line) belongs in the report too.
  const chosen = toolchains.flatMap(t => (t.note ? [t.note] : []))
  // Retention runs once the versions are done, with this job's leases released: it may remove a
  // toolchain this job used, never one another running job holds.
  await ledger.leases.releaseAll()
  const reclaimed = options.toolchainRetentionDays > 0 ? await pruneForRetention(ctx.toolCacheDir, options.toolchainRetentionDays, ledger.audit, logger) : undefined
  const result = await concludeRun(options, {...ctx, notes: [...(ctx.notes ?? []), ...chosen, ...(carried?.notes ?? [])]}, {reportDir, versions, sourcePath, ...(reclaimed ? {footer: [reclaimed]} : {})})
  return {...result, toolchains}
}

/**
 * Whether a package is counted by its own tests only (countOwnTests): unless `-coverpkg` is given
 * (as cover-packages or in test-flags), when every test binary's counters of every package count.
 */
function ownTestsOnly(options: Pick<Options, 'coverPackages' | 'testFlags'>): boolean {
  return options.coverPackages === '' && !options.testFlags.some(flag => /^--?coverpkg(=|$)/.test(flag))
}

async function analyseVersion(run: VersionRun, moduleDir: string, ownTests: boolean, logger: Logger): Promise<AnalysedCoverage | null> {
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
    functions = functionsOfOwnTests(functionCoverage(await functionsFromGo(run.toolchain.goroot, run.profile, moduleDir, written, run.env), profile), otherTestBinaries)
  } catch (err) {
    logger.warning(`Go ${run.toolchain.version}: no function coverage: ${(err as Error).message}`)
  }
  return {profile, statements: summarizeStatements(profile), lines, lineSummary: summarizeLines(lines), functions, otherTestBinaries}
}

function versionReport(run: VersionRun, coverage: AnalysedCoverage | undefined): VersionReport {
  const notes = [...(run.toolchain.recovery ? [run.toolchain.recovery] : []), ...run.notes]
  return {
    spec: run.toolchain.spec,
    version: run.toolchain.version,
    status: run.status,
    ...(run.reason !== undefined ? {reason: run.reason} : {}),
    platform: `${currentPlatform().os}/${currentPlatform().arch}`,
    toolchain: toolchainReport(run.toolchain),
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
    ...(notes.length > 0 ? {notes} : {}),
    seconds: run.seconds
  }
}

/**
 * The modules a run tests: null for the empty input (the module at working-directory, as before
 * modules existed), else those the input selects, its globs that matched nothing said as warnings
 * and its problems as an error naming the input.
 */
async function chooseModules(selection: ModuleSelection, dirs: {workingDir: string; workspace: string}, logger: Logger): Promise<ModuleFolder[] | null> {
  if (selection.kind === 'root') return null
  try {
    const {modules, warnings} = await resolveModules(selection, dirs)
    for (const warning of warnings) logger.warning(warning)
    return modules
  } catch (err) {
    if (err instanceof ModuleSelectionError) throw new InputError(`input modules: ${err.message}`, {cause: err})
    throw err
  }
}

/**
 * Each version's row from its modules' runs (the runner returns them version by version): the
 * row's figures are its modules' together (report/module-rows.ts), its coverage their profiles
 * merged, and each module's coverage kept for like for like per module.
 */
function versionsOfModules(analysed: readonly {run: VersionRun; coverage: AnalysedCoverage | null}[]): AnalysedVersion[] {
  const byVersion = new Map<string, {run: VersionRun; coverage: AnalysedCoverage | null}[]>()
  for (const unit of analysed) byVersion.set(unit.run.toolchain.version, [...(byVersion.get(unit.run.toolchain.version) ?? []), unit])
  return [...byVersion.values()].map(units => {
    const row = versionReport((units[0] as (typeof units)[number]).run, undefined)
    const rows = units.map(({run, coverage}) => moduleOfVersionRow(versionReport(run, coverage ?? undefined), run.module ?? {dir: '.', path: ''}))
    const covered = units.flatMap(({run, coverage}) => (coverage ? [{name: `Go ${run.toolchain.version} ${run.module?.dir ?? '.'}`, coverage}] : []))
    return {
      report: versionOfModules({spec: row.spec, version: row.version, toolchain: row.toolchain, ...(row.platform !== undefined ? {platform: row.platform} : {})}, rows),
      coverage: covered.length > 0 ? combineModuleCoverage(covered) : null,
      modules: units.map(({run, coverage}) => ({dir: run.module?.dir ?? '.', coverage}))
    }
  })
}

/** A folder's path in the repository ('' for the workspace itself, a path outside it as it is). */
function repositoryDir(workspace: string, dir: string): string {
  const relative = path.relative(workspace, dir).split(path.sep).join('/')
  return relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative
}

/** report.json's `toolchain`: where it came from, how it was checked, and whether a damaged copy was replaced. */
function toolchainReport(t: Toolchain): VersionReport['toolchain'] {
  return {
    source: t.source,
    sha256: t.sha256,
    seconds: t.seconds,
    ...(t.verified !== undefined ? {verified: t.verified} : {}),
    recovered: t.recovery !== undefined
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
