/**
 * Runs the module, or each module chosen, under every toolchain. Each module × version is one
 * unit of work under the version's isolated environment: up to maxParallel units at once (over
 * all modules and versions), each unit's log printed whole in its own group as it finishes,
 * annotations emitted once at the end (merged across versions), and every unit's outcome
 * returned, version by version (in the order of the toolchains) and module by module within a
 * version, whatever happened to the others. The module cache is shared by every unit; a version's
 * build cache (env.ts versionDirs) by every module of that version.
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

/** One module of the run, as every version runs it: read once, before any version starts. */
interface Unit {
  /** The module's folder relative to moduleDir ('.' for moduleDir); absent when the request names no modules. */
  dir?: string
  moduleDir: string
  /** Every file whose `go` line a version must satisfy (go.work and go.mod), or the reason none can run it. */
  info: {goFiles: GoFile[]; modules: ModuleLocation[]; env: NodeJS.ProcessEnv} | {error: string}
  /** The module path, for the report (absent for the request without modules). */
  path?: string
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
  const folders = request.modules ?? []
  const twice = folders.find((d, i) => folders.indexOf(d) !== i)
  if (twice !== undefined) throw new Error(`runMatrix: module ${twice} is listed twice; each module gets one report folder per version`)
  const reportDir = path.resolve(request.reportDir)
  const paths = matrixPaths({workDir: request.workDir ?? defaultWorkDir(request.env ?? process.env), cacheDir: request.cacheDir})
  await mkdir(paths.gomodcache, {recursive: true})
  const inherited = request.env ?? process.env

  const units: Unit[] = request.modules
    ? await Promise.all(request.modules.map(dir => readUnit(request.moduleDir, dir, inherited)))
    : [await legacyUnit(request.moduleDir, inherited)]
  // Version by version, so that the modules of one version run together on its warm build cache.
  const work = request.toolchains.flatMap(toolchain => units.map(unit => ({toolchain, unit})))

  const limit = request.maxParallel > 0 ? request.maxParallel : os.availableParallelism()
  const results: VersionRun[] = new Array(work.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < work.length) {
      const index = next++
      const {toolchain, unit} = work[index] as (typeof work)[number]
      const name = unitName(toolchain.version, unit)
      const dir = unitReportDir(reportDir, toolchain.version, unit.dir)
      let run: VersionRun
      let log: string
      // One line as each unit starts: the log groups only appear when units finish.
      request.logger.info(`${name}: started (${index + 1} of ${work.length})`)
      if ('error' in unit.info) {
        // The go command would fail the same way under every version: report each as an error.
        run = errorRun(toolchain, dir, unit.info.error)
        log = `${unit.info.error}\n`
      } else {
        try {
          // Restored once per version: every unit after the first finds it done.
          await request.beforeVersion?.(toolchain.version)
          ;({run, log} = await runVersion({
            toolchain,
            moduleDir: unit.moduleDir,
            goFiles: unit.info.goFiles,
            modules: unit.info.modules,
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
            env: unit.info.env,
            ...(request.signal ? {signal: request.signal} : {})
          }))
        } catch (err) {
          run = errorRun(toolchain, dir, `go-matrix could not run ${name}: ${(err as Error).message}`)
          log = `${(err as Error).stack ?? String(err)}\n`
        }
      }
      if (unit.dir !== undefined) {
        run.module = {dir: unit.dir, path: unit.path ?? ''}
        // Annotations are placed relative to moduleDir, so those of different modules stay apart.
        run.annotations = run.annotations.map(a => ({...a, file: joinFolder(unit.dir as string, a.file)}))
      }
      results[index] = run
      request.logger.group(groupTitle(run, name), log)
      request.onVersionDone?.(run)
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, work.length)}, worker))

  if (request.annotate !== false) {
    emitAnnotations(results, request.logger, request.moduleDir, request.annotationBase ?? request.moduleDir)
  }
  return results
}

/** A unit's report folder: `<reportDir>/<version>/` for the module at moduleDir, `<reportDir>/<version>/<dir>/` for one below it. */
export function unitReportDir(reportDir: string, version: string, dir: string | undefined): string {
  return dir === undefined || dir === '.' ? path.join(reportDir, version) : path.join(reportDir, version, ...dir.split('/'))
}

function unitName(version: string, unit: Unit): string {
  return unit.dir === undefined ? `Go ${version}` : `Go ${version} · ${unit.dir === '.' ? 'root module' : unit.dir}`
}

function joinFolder(dir: string, file: string): string {
  return dir === '.' ? file : `${dir}/${file}`
}

/** The request without modules: moduleDir as before modules existed, go.work or go.mod governing. */
async function legacyUnit(moduleDir: string, env: NodeJS.ProcessEnv): Promise<Unit> {
  try {
    const info = await readModuleInfo(moduleDir)
    return {moduleDir, info: {goFiles: info.goFile ? [info.goFile] : [], modules: info.modules, env}}
  } catch (err) {
    return {moduleDir, info: {error: (err as Error).message}}
  }
}

/**
 * One module of several: its go.mod, and the go.work that governs it as the go command finds one
 * (in its folder or a parent, up to moduleDir) unless GOWORK is set. A version runs it only when it
 * satisfies both `go` lines. A module that go.work does not use runs with GOWORK=off: inside the
 * workspace the go command would refuse it ("directory . is outside modules listed in go.work").
 */
export async function readUnit(root: string, dir: string, inherited: NodeJS.ProcessEnv): Promise<Unit> {
  const moduleDir = dir === '.' ? root : path.join(root, ...dir.split('/'))
  const label = dir === '.' ? '' : `${dir}/`
  try {
    const text = await readOptional(path.join(moduleDir, 'go.mod'))
    if (text === null) return {dir, moduleDir, info: {error: `${label}go.mod: not found in ${moduleDir}`}}
    const goMod = parseGoFile(`${label}go.mod`, text)
    const modules: ModuleLocation[] = goMod.module ? [{path: goMod.module, dir: ''}] : []
    const base = {dir, moduleDir, ...(goMod.module ? {path: goMod.module} : {})}
    const work = inherited.GOWORK === undefined || inherited.GOWORK === '' ? await findGoWork(root, moduleDir) : null
    if (work === null) return {...base, info: {goFiles: [goMod], modules, env: inherited}}
    const uses = work.file.use.map(use => path.resolve(work.dir, use))
    if (!uses.includes(moduleDir)) return {...base, info: {goFiles: [goMod], modules, env: {...inherited, GOWORK: 'off'}}}
    return {...base, info: {goFiles: [work.file, goMod], modules, env: inherited}}
  } catch (err) {
    return {dir, moduleDir, info: {error: (err as Error).message}}
  }
}

/** The go.work the go command would use for moduleDir: in it or its nearest parent that has one, not above root. */
async function findGoWork(root: string, moduleDir: string): Promise<{dir: string; file: GoFile} | null> {
  for (let dir = moduleDir; ; dir = path.dirname(dir)) {
    const text = await readOptional(path.join(dir, 'go.work'))
    if (text !== null) {
      const name = path.relative(root, path.join(dir, 'go.work')).split(path.sep).join('/')
      return {dir, file: parseGoFile(name, text)}
    }
    if (dir === root || path.dirname(dir) === dir || !dir.startsWith(root)) return null
  }
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

function groupTitle(run: VersionRun, name: string): string {
  const {tests} = run
  const counts = run.status === 'skipped' ? '' : `, ${tests.passed} passed, ${tests.failed} failed, ${tests.skipped} skipped`
  const reason = run.reason ? ` (${run.reason})` : ''
  const cached = run.packages.filter(p => p.cached).length
  const reused = cached > 0 ? `, ${cached} of ${run.packages.length} packages from Go's test cache` : ''
  return `${name}: ${run.status}${reason}${counts}${reused}, ${run.seconds.toFixed(1)}s`
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
