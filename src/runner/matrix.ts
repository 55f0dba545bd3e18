/**
 * Runs the module under every toolchain: up to maxParallel versions at once, each isolated,
 * each version's log printed whole in its own group as it finishes, annotations emitted once
 * at the end (merged across versions), and every version's outcome returned in the order of
 * the toolchains, whatever happened to the others.
 */
import {mkdir, readFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {annotationKey} from './annotations.js'
import type {Annotation, ModuleLocation} from './annotations.js'
import {parseGoFile} from '../go/go-mod.js'
import type {GoFile} from '../go/go-mod.js'
import type {RunRequest, VersionRun} from './types.js'
import {emptyRun, runVersion} from './version-run.js'
import type {MatrixPaths} from './env.js'
import type {Logger} from '../util/log.js'
import {defaultWorkDir} from './env.js'

/** What the module's go.work / go.mod files say, read once for all versions. */
export interface ModuleInfo {
  /** The file whose `go` line every version must satisfy: go.work when present, else go.mod. */
  goFile: GoFile | null
  modules: ModuleLocation[]
}

export async function runMatrix(request: RunRequest): Promise<VersionRun[]> {
  if (!path.isAbsolute(request.moduleDir)) {
    throw new Error(`runMatrix: moduleDir must be absolute, got ${JSON.stringify(request.moduleDir)}`)
  }
  const versions = request.toolchains.map(t => t.version)
  const duplicate = versions.find((v, i) => versions.indexOf(v) !== i)
  if (duplicate !== undefined) {
    throw new Error(`runMatrix: Go ${duplicate} is listed twice; each version gets one report folder`)
  }
  const reportDir = path.resolve(request.reportDir)
  const paths = matrixPaths({workDir: request.workDir ?? defaultWorkDir(request.env ?? process.env), cacheDir: request.cacheDir})
  await mkdir(paths.gomodcache, {recursive: true})

  let info: ModuleInfo
  try {
    info = await readModuleInfo(request.moduleDir)
  } catch (err) {
    // The go command would fail the same way under every version: report each as an error.
    const reason = (err as Error).message
    return request.toolchains.map(toolchain => errorRun(toolchain, path.join(reportDir, toolchain.version), reason))
  }

  const limit = request.maxParallel > 0 ? request.maxParallel : os.availableParallelism()
  const results: VersionRun[] = new Array(request.toolchains.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < request.toolchains.length) {
      const index = next++
      const toolchain = request.toolchains[index] as (typeof request.toolchains)[number]
      const dir = path.join(reportDir, toolchain.version)
      let run: VersionRun
      let log: string
      // One line as each version starts: the log groups only appear when versions finish.
      request.logger.info(`Go ${toolchain.version}: started (${index + 1} of ${request.toolchains.length})`)
      try {
        await request.beforeVersion?.(toolchain.version)
        ;({run, log} = await runVersion({
          toolchain,
          moduleDir: request.moduleDir,
          goFile: info.goFile,
          modules: info.modules,
          packages: request.packages,
          build: request.build,
          vet: request.vet,
          buildTargets: request.buildTargets,
          testFlags: request.testFlags,
          coverMode: request.coverMode,
          coverPackages: request.coverPackages,
          timeoutMinutes: request.timeoutMinutes,
          dir,
          paths,
          fullLog: request.fullLogs ?? false,
          env: request.env ?? process.env,
          ...(request.signal ? {signal: request.signal} : {})
        }))
      } catch (err) {
        run = errorRun(toolchain, dir, `go-matrix could not run Go ${toolchain.version}: ${(err as Error).message}`)
        log = `${(err as Error).stack ?? String(err)}\n`
      }
      results[index] = run
      request.logger.group(groupTitle(run), log)
      request.onVersionDone?.(run)
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, request.toolchains.length)}, worker))

  if (request.annotate !== false) {
    emitAnnotations(results, request.logger, request.moduleDir, request.annotationBase ?? request.moduleDir)
  }
  return results
}

/**
 * Where the run keeps its state: the work directory and the cache directory (default the work
 * directory), with the module cache shared by every version (`mod`) in the latter, for callers
 * that save and restore it.
 */
export function matrixPaths(dirs: {workDir: string; cacheDir?: string | undefined}): MatrixPaths {
  const dir = path.resolve(dirs.workDir)
  const caches = path.resolve(dirs.cacheDir ?? dir)
  return {workDir: dir, cacheDir: caches, gomodcache: path.join(caches, 'mod')}
}

/** go.work (when the root has one) decides the `go` line; go.mod files give the module paths. */
export async function readModuleInfo(moduleDir: string): Promise<ModuleInfo> {
  const work = await readOptional(path.join(moduleDir, 'go.work'))
  const mod = await readOptional(path.join(moduleDir, 'go.mod'))
  const goMod = mod === null ? null : parseGoFile('go.mod', mod)
  const goWork = work === null ? null : parseGoFile('go.work', work)
  const modules: ModuleLocation[] = []
  if (goMod?.module) modules.push({path: goMod.module, dir: ''})
  for (const use of goWork?.use ?? []) {
    const dir = path.posix.normalize(use.replace(/\\/g, '/'))
    if (dir === '.' || path.isAbsolute(dir)) continue
    const text = await readOptional(path.join(moduleDir, dir, 'go.mod'))
    const module = text === null ? null : parseGoFile(`${dir}/go.mod`, text).module
    if (module) modules.push({path: module, dir})
  }
  return {goFile: goWork ?? goMod, modules}
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new Error(`${file}: ${(err as Error).message}`, {cause: err})
  }
}

function errorRun(toolchain: VersionRun['toolchain'], dir: string, reason: string): VersionRun {
  return {...emptyRun(toolchain, dir), status: 'error', reason}
}

function groupTitle(run: VersionRun): string {
  const {tests} = run
  const counts = run.status === 'skipped' ? '' : `, ${tests.passed} passed, ${tests.failed} failed, ${tests.skipped} skipped`
  const reason = run.reason ? ` (${run.reason})` : ''
  const cached = run.packages.filter(p => p.cached).length
  const reused = cached > 0 ? `, ${cached} of ${run.packages.length} packages from Go's test cache` : ''
  return `Go ${run.toolchain.version}: ${run.status}${reason}${counts}${reused}, ${run.seconds.toFixed(1)}s`
}

/**
 * One annotation per place and message, naming the versions that reported it, so four versions
 * with the same failing test make one annotation, not four.
 */
export function mergeAnnotations(runs: readonly VersionRun[]): (Annotation & {versions: string[]})[] {
  const merged = new Map<string, Annotation & {versions: string[]}>()
  for (const run of runs) {
    for (const a of run.annotations) {
      const k = annotationKey(a)
      const known = merged.get(k)
      if (known) known.versions.push(run.toolchain.version)
      else merged.set(k, {...a, versions: [run.toolchain.version]})
    }
  }
  return [...merged.values()]
}

function emitAnnotations(runs: readonly VersionRun[], logger: Logger, moduleDir: string, base: string): void {
  for (const a of mergeAnnotations(runs)) {
    const file = path.relative(base, path.join(moduleDir, a.file)).split(path.sep).join('/')
    logger.error(`${a.message} (Go ${a.versions.join(', ')})`, {file, line: a.line})
  }
}
