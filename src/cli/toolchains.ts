/**
 * `go-matrix toolchains list|verify|prune`: what an administrator needs of a tool cache shared by
 * jobs (a self-hosted runner's `_work/_tool`): which Go toolchains it holds, whether they are intact,
 * and reclaiming space without pulling a toolchain from under a running job.
 */
import os from 'node:os'
import path from 'node:path'
import type {InputDefinition} from '../inputs/definitions.js'
import {currentPlatform} from '../go/platform.js'
import {semverToGo} from '../go/versions.js'
import {AuditLog} from '../toolchains/audit.js'
import {formatSize, listToolchains, parseSize, type InstalledToolchain} from '../toolchains/inventory.js'
import {pruneToolCache} from '../toolchains/reclaim.js'
import {checkOutcome, checksOf, checkToolchain} from '../go/reuse.js'
import {writeState} from '../toolchains/state.js'
import {commandError} from '../inputs/error-message.js'
import {parseFlags, renderHelp, UsageError} from './flags.js'

export interface ToolchainsIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  env: NodeJS.ProcessEnv
}

const flag = (name: string, defaultValue: string, description: string): InputDefinition => ({name, default: defaultValue, commands: [], description})

const TOOL_CACHE = flag('tool-cache', '', 'The tool cache to look at: default $RUNNER_TOOL_CACHE, else ~/.cache/go-matrix/tool-cache (where go-matrix run installs).')
const JSON_FLAG = flag('json', 'false', 'Print JSON instead of a table.')

const SUBCOMMANDS: Record<string, {usage: string; description: string; flags: InputDefinition[]}> = {
  list: {
    usage: 'go-matrix toolchains list [flags]',
    description:
      "Every Go toolchain in the tool cache (go-matrix's, and setup-go's which have no manifest): version, architecture, where it came from, the archive's sha256, when it was installed and last used, its size on disk (as du counts it), how it was last verified, and the jobs holding it.",
    flags: [TOOL_CACHE, JSON_FLAG]
  },
  verify: {
    usage: 'go-matrix toolchains verify [flags] [VERSION…]',
    description:
      'Checks the toolchains (all, or those of each VERSION: 1.22 or 1.22.12) against their install manifests: every file present with its size and mode, and the content of the files that run (bin/*, pkg/tool/*/*), or with --full every file. A toolchain without a manifest passes when go version and go env GOROOT agree with where it lies. Exits 1 naming the files when any differs.',
    flags: [TOOL_CACHE, flag('full', 'false', "Check every file's content, and that no file was added."), JSON_FLAG]
  },
  prune: {
    usage: 'go-matrix toolchains prune [flags]',
    description:
      'Removes the toolchains the policy selects (a toolchain is selected by any of the flags given), never one a running job holds: a job leases each toolchain it uses, and a crashed job\'s lease ends when its process is gone (or after 10 minutes unrenewed, seen from another host). Each is renamed aside before it is deleted, so that no job sees half a toolchain. Prints and logs what was freed.',
    flags: [
      TOOL_CACHE,
      flag('unused-days', '', 'Remove toolchains no job has used for this many days.'),
      flag('keep-newest-patches', '', 'Keep the K newest patch releases of each Go minor version (per architecture); remove the older ones.'),
      flag('max-size', '', 'Then remove the least recently used until the toolchains take at most this much space: bytes, or with a unit (500M, 10G, 1.5GiB).'),
      flag('dry-run', 'false', 'Say what would be removed, and remove nothing.'),
      JSON_FLAG
    ]
  }
}

const USAGE = `usage: go-matrix toolchains <list|verify|prune> [flags]

The Go toolchains of a tool cache: list them, verify them against their install manifests,
and prune them safely while jobs run. Run 'go-matrix toolchains <command> --help' for flags.
`

/** Returns the exit status: 0 fine, 1 a toolchain differs (verify), 2 bad usage. */
export async function toolchainsCommand(argv: readonly string[], io: ToolchainsIo): Promise<number> {
  const [name, ...rest] = argv
  const sub = name === undefined ? undefined : SUBCOMMANDS[name]
  if (name === '-h' || name === '--help') {
    io.stdout.write(USAGE)
    return 0
  }
  if (!sub) {
    io.stderr.write(name === undefined ? USAGE : `go-matrix toolchains: unknown command ${JSON.stringify(name)}\n\n${USAGE}`)
    return 2
  }
  let flags
  try {
    flags = parseFlags(rest, sub.flags)
    if (flags.help) {
      io.stdout.write(renderHelp(sub.usage, sub.description, [], sub.flags))
      return 0
    }
    if (name !== 'verify' && flags.positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(flags.positionals[0])}`)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    io.stderr.write(`${commandError(`toolchains ${name}`, err)}\n`)
    return 2
  }
  const toolCacheDir = path.resolve(flags.values['tool-cache'] || io.env.RUNNER_TOOL_CACHE || path.join(os.homedir(), '.cache', 'go-matrix', 'tool-cache'))
  const json = flags.values.json === 'true'
  const audit = AuditLog.of(toolCacheDir, message => io.stderr.write(`warning: ${message}\n`), io.env)
  try {
    if (name === 'list') return await list(toolCacheDir, json, io)
    if (name === 'verify') return await verify(toolCacheDir, flags.positionals, flags.values.full === 'true', json, audit, io)
    return await prune(toolCacheDir, flags.values, json, audit, io)
  } catch (err) {
    io.stderr.write(`${commandError(`toolchains ${name}`, err)}\n`)
    return 2
  }
}

/** One toolchain as `list --json` prints it. */
export interface ListedToolchain {
  version: string
  arch: string
  path: string
  complete: boolean
  /** `go-matrix` with a manifest; `unknown (no manifest)`: setup-go, a runner image, an older go-matrix. */
  source: string
  url: string | null
  sha256: string | null
  installedAt: string | null
  lastUsed: string | null
  sizeBytes: number
  /** `archive`, `fast`, `full`, `unverified`, `damaged`, `manifest damaged: …`, or `not verified yet`. */
  verification: string
  lastVerified: string | null
  leases: number
}

function listed(t: InstalledToolchain): ListedToolchain {
  const m = t.manifest
  return {
    version: t.version,
    arch: t.arch,
    path: t.dir,
    complete: t.complete,
    source: m ? m.installer : t.manifestError ? 'go-matrix (manifest damaged)' : 'unknown (no manifest)',
    url: m?.source.url ?? null,
    sha256: m?.source.sha256 ?? null,
    installedAt: m?.installedAt ?? null,
    lastUsed: t.lastUsed?.toISOString() ?? null,
    sizeBytes: t.sizeOnDisk,
    verification: t.manifestError ? `manifest damaged: ${t.manifestError}` : (t.state?.verification ?? (m ? 'not verified yet' : 'unverified')),
    lastVerified: t.state?.lastVerified ?? null,
    leases: t.liveLeases
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map(r => (r[i] ?? '').length))) ?? []
  return rows.map(r => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n') + '\n'
}

const day = (iso: string | null): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '—')

async function list(toolCacheDir: string, json: boolean, io: ToolchainsIo): Promise<number> {
  const toolchains = (await listToolchains(toolCacheDir)).map(listed)
  if (json) {
    io.stdout.write(`${JSON.stringify({toolCache: toolCacheDir, toolchains}, null, 2)}\n`)
    return 0
  }
  if (toolchains.length === 0) {
    io.stdout.write(`no Go toolchains in ${toolCacheDir}\n`)
    return 0
  }
  const rows = [['version', 'arch', 'size', 'installed', 'last used', 'verified', 'leases', 'source', 'sha256']]
  for (const t of toolchains) {
    rows.push([
      t.complete ? t.version : `${t.version} (incomplete)`,
      t.arch,
      formatSize(t.sizeBytes),
      day(t.installedAt),
      day(t.lastUsed),
      t.verification.startsWith('manifest damaged') ? 'manifest damaged' : t.verification,
      String(t.leases),
      t.url ?? t.source,
      t.sha256 ? t.sha256.slice(0, 12) : '—'
    ])
  }
  const total = toolchains.reduce((sum, t) => sum + t.sizeBytes, 0)
  io.stdout.write(`${table(rows)}\n${toolchains.length} toolchains, ${formatSize(total)} in ${toolCacheDir}\n`)
  return 0
}

/** `1.22` matches 1.22.x; `1.22.12` (or its semver folder name) only itself. */
function matchesVersion(folder: string, wanted: string): boolean {
  const go = semverToGo(folder)
  return [folder, go].some(v => v === wanted || v.startsWith(`${wanted}.`) || v.startsWith(`${wanted}rc`) || v.startsWith(`${wanted}beta`))
}

async function verify(toolCacheDir: string, versions: readonly string[], full: boolean, json: boolean, audit: AuditLog, io: ToolchainsIo): Promise<number> {
  const all = (await listToolchains(toolCacheDir)).filter(t => t.complete)
  const chosen = versions.length === 0 ? all : all.filter(t => versions.some(v => matchesVersion(t.version, v)))
  const missing = versions.filter(v => !all.some(t => matchesVersion(t.version, v)))
  if (missing.length > 0) throw new UsageError(`no toolchain of ${missing.join(', ')} in ${toolCacheDir}`)
  const level = full ? 'full' : 'fast'
  const platform = currentPlatform()
  const results = []
  for (const t of chosen) {
    const expected = {version: t.manifest?.version ?? semverToGo(t.version), os: t.manifest?.os ?? platform.os, arch: t.manifest?.arch ?? platform.arch, goBinary: platform.goBinary}
    const started = performance.now()
    const check = await checkToolchain(t.dir, expected, level, t.state)
    const seconds = Math.round(performance.now() - started) / 1000
    const outcome = check.ok ? check.verified : 'damaged'
    await audit.append({event: 'verify', version: t.version, arch: t.arch, path: t.dir, outcome: checkOutcome(check), ...(check.ok ? {} : {detail: check.problem})})
    const now = new Date().toISOString()
    await writeState(t.dir, {lastUsed: t.lastUsed?.toISOString() ?? now, lastVerified: now, verification: outcome, ...checksOf(check)}).catch(() => undefined)
    results.push({version: t.version, arch: t.arch, path: t.dir, ok: check.ok, verified: check.verified, seconds, ...(check.ok ? {} : {problem: check.problem}), differences: check.result?.differences ?? []})
  }
  if (json) io.stdout.write(`${JSON.stringify({toolCache: toolCacheDir, level, toolchains: results}, null, 2)}\n`)
  else {
    for (const r of results) {
      io.stdout.write(r.ok ? `ok       Go ${r.version} (${r.arch}) ${r.verified} in ${r.seconds.toFixed(2)} s\n` : `DIFFERS  Go ${r.version} (${r.arch}) ${r.path} ${r.problem}\n`)
    }
    if (results.length === 0) io.stdout.write(`no Go toolchains in ${toolCacheDir}\n`)
  }
  return results.every(r => r.ok) ? 0 : 1
}

function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name}: ${JSON.stringify(value)} is not a whole number`)
  return Number(value)
}

async function prune(toolCacheDir: string, values: Record<string, string>, json: boolean, audit: AuditLog, io: ToolchainsIo): Promise<number> {
  const unusedDays = count(values['unused-days'], 'unused-days')
  const keepNewestPatches = count(values['keep-newest-patches'], 'keep-newest-patches')
  let maxSize: number | undefined
  if (values['max-size']) {
    maxSize = parseSize(values['max-size'])
    if (maxSize === undefined) throw new UsageError(`--max-size: ${JSON.stringify(values['max-size'])} is not a size (bytes, or 500M, 10G, 1.5GiB)`)
  }
  if (unusedDays === undefined && keepNewestPatches === undefined && maxSize === undefined) {
    throw new UsageError('say what to remove: --unused-days N, --keep-newest-patches K or --max-size SIZE')
  }
  const dryRun = values['dry-run'] === 'true'
  const report = await pruneToolCache(
    toolCacheDir,
    {...(unusedDays !== undefined ? {unusedDays} : {}), ...(keepNewestPatches !== undefined ? {keepNewestPatches} : {}), ...(maxSize !== undefined ? {maxSize} : {})},
    {dryRun, ...(dryRun ? {} : {audit})}
  )
  if (json) {
    const outcomes = report.outcomes.map(o => ({version: o.toolchain.version, arch: o.toolchain.arch, path: o.toolchain.dir, sizeBytes: o.toolchain.sizeOnDisk, result: o.result, reason: o.reason, ...(o.error ? {error: o.error} : {})}))
    io.stdout.write(`${JSON.stringify({toolCache: toolCacheDir, dryRun, freedBytes: report.freed, toolchains: outcomes}, null, 2)}\n`)
  } else {
    for (const o of report.outcomes) {
      io.stdout.write(`${o.result.padEnd(12)} Go ${o.toolchain.version} (${o.toolchain.arch}) ${formatSize(o.toolchain.sizeOnDisk)}: ${o.reason}${o.error ? `: ${o.error}` : ''}\n`)
    }
    io.stdout.write(`${dryRun ? 'would free' : 'freed'} ${formatSize(report.freed)} in ${toolCacheDir}\n`)
  }
  return report.outcomes.some(o => o.result === 'failed') ? 1 : 0
}
