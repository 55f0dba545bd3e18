/**
 * Keeping the carried module cache to what the module's dependency graph needs, so that a
 * dependency upgrade does not leave the old versions in every later save (the snowball).
 *
 * What Go needs offline: the go.mod (`.mod`, with `.info`) of every module version in the module
 * graph (`go mod graph`, pruned as Go prunes it), and the source (`.zip`, `.ziphash` and the
 * extracted folder) of every version in the build list (`go list -m all`). Everything else in
 * `cache/download` and every other extracted folder is removed before a save; so are `cache/vcs`
 * (clones made for GOPROXY=direct) and `cache/download/sumdb` (checksum database tiles), which Go
 * fetches again when it needs them, which with a complete go.sum it does not.
 */
import {execFile} from 'node:child_process'
import {readdir, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {bytesOf} from '../transport/actions-cache.js'

const run = promisify(execFile)

/** Go's module.EscapePath / EscapeVersion: an upper-case letter becomes `!` and its lower case. */
export function escapeModulePart(text: string): string {
  return text.replace(/[A-Z]/g, c => `!${c.toLowerCase()}`)
}

/** What to keep, as escaped `path@version` strings (the names Go's cache uses). */
export interface ModuleNeeds {
  /** Versions whose go.mod the graph reads. */
  graph: Set<string>
  /** Versions whose source the build list selects. */
  build: Set<string>
}

/** `module@version` of each side of each `go mod graph` line; the main modules (no version) are left out. */
export function parseModuleGraph(text: string): Set<string> {
  const found = new Set<string>()
  for (const line of text.split('\n')) {
    for (const word of line.trim().split(/\s+/)) {
      const at = word.lastIndexOf('@')
      if (at > 0) found.add(`${escapeModulePart(word.slice(0, at))}@${escapeModulePart(word.slice(at + 1))}`)
    }
  }
  return found
}

/** `path@version` lines of `go list -m -f '{{.Path}}@{{.Version}}' all`; main modules print `path@`. */
export function parseBuildList(text: string): Set<string> {
  return parseModuleGraph(text.split('\n').filter(l => !l.trim().endsWith('@')).join('\n'))
}

/**
 * Asks Go (`go` of one version, in the module's isolated environment) what the module needs. Throws
 * when Go cannot say (a broken go.mod): the caller then saves no module cache rather than a wrong one.
 */
export async function readModuleNeeds(go: string, moduleDir: string, env: Record<string, string>): Promise<ModuleNeeds> {
  // Offline: everything the run needed is in the cache already; a lookup would mean it is not.
  const offline = {...env, GOPROXY: 'off'}
  const options = {cwd: moduleDir, env: offline, maxBuffer: 256 * 1024 * 1024}
  const graph = await run(go, ['mod', 'graph'], options)
  const list = await run(go, ['list', '-m', '-f', '{{.Path}}@{{.Version}}', 'all'], options)
  const build = parseBuildList(list.stdout)
  const inGraph = parseModuleGraph(graph.stdout)
  for (const m of build) inGraph.add(m)
  return {graph: inGraph, build}
}

export interface ModulePrune {
  removedFiles: number
  removedBytes: number
}

/** Removes from a GOMODCACHE what `needs` does not name (see the module comment). */
export async function pruneModuleCache(gomodcache: string, needs: ModuleNeeds): Promise<ModulePrune> {
  const result: ModulePrune = {removedFiles: 0, removedBytes: 0}
  const graphPaths = new Set([...needs.graph].map(m => m.slice(0, m.lastIndexOf('@'))))
  const remove = async (target: string): Promise<void> => {
    result.removedBytes += await bytesOf([target])
    result.removedFiles++
    await rm(target, {recursive: true, force: true})
  }
  const download = path.join(gomodcache, 'cache', 'download')
  for (const gone of [path.join(gomodcache, 'cache', 'vcs'), path.join(download, 'sumdb')]) {
    if (await exists(gone)) await remove(gone)
  }
  // cache/download/<escaped path>/@v/<escaped version>.{info,mod,zip,ziphash,lock}, and @v/list.
  const walkDownload = async (dir: string, modulePath: string): Promise<void> => {
    for (const entry of await readdir(dir, {withFileTypes: true})) {
      if (!entry.isDirectory()) continue
      if (entry.name !== '@v') {
        await walkDownload(path.join(dir, entry.name), modulePath ? `${modulePath}/${entry.name}` : entry.name)
        continue
      }
      const versions = path.join(dir, '@v')
      for (const file of await readdir(versions)) {
        const dot = file.lastIndexOf('.')
        const version = dot > 0 ? file.slice(0, dot) : ''
        const ext = dot > 0 ? file.slice(dot + 1) : ''
        const id = `${modulePath}@${version}`
        const keep =
          file === 'list' ? graphPaths.has(modulePath) : ext === 'zip' || ext === 'ziphash' ? needs.build.has(id) : needs.graph.has(id)
        if (!keep) await remove(path.join(versions, file))
      }
    }
  }
  if (await exists(download)) await walkDownload(download, '')
  // Extracted modules: <escaped path>@<escaped version>/ anywhere below the root, except cache/.
  const walkExtracted = async (dir: string, rel: string): Promise<void> => {
    for (const entry of await readdir(dir, {withFileTypes: true})) {
      if (!entry.isDirectory() || (rel === '' && entry.name === 'cache')) continue
      const name = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.name.includes('@')) {
        if (!needs.build.has(name)) await remove(path.join(dir, entry.name))
      } else {
        await walkExtracted(path.join(dir, entry.name), name)
      }
    }
  }
  if (await exists(gomodcache)) await walkExtracted(gomodcache, '')
  return result
}

async function exists(target: string): Promise<boolean> {
  try {
    await stat(target)
    return true
  } catch {
    return false
  }
}
