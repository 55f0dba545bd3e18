/**
 * What a tool cache holds: every Go toolchain under `<tool cache>/go/<version>/<arch>`, whether
 * go-matrix installed it (with a manifest and state beside it) or setup-go / actions/tool-cache did
 * (a `.complete` marker only), with its size on disk as `du` counts it.
 */
import {existsSync, lstatSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import type {ToolchainManifest} from './manifest.js'
import {goFolderOf, readManifestOf, REMOVING_INFIX, SIDECAR_SUFFIXES, sidecarsOf} from './layout.js'
import {leasesOf} from './leases.js'
import {readState, type ToolchainState} from './state.js'

export interface InstalledToolchain {
  /** The version folder's name: semver as setup-go writes it (`1.22.12`, `1.23.0-rc.1`). */
  version: string
  /** The architecture folder's name (`x64`, `arm64`). */
  arch: string
  dir: string
  /** The `.complete` marker is there: the toolchain is whole and in use by jobs. */
  complete: boolean
  manifest: ToolchainManifest | undefined
  /** Why the manifest could not be read, when it is damaged. */
  manifestError?: string
  state: ToolchainState | undefined
  /** The last use: the state's, else the marker's time (setup-go writes it once, at install). */
  lastUsed: Date | undefined
  /** Bytes on disk: allocated blocks, each hard-linked file once, folders included (`du -sB1`). */
  sizeOnDisk: number
  liveLeases: number
}

/** Leftovers of go-matrix's own work that are never toolchains. */
function isToolchainFolderName(name: string): boolean {
  return !name.startsWith('.') && !name.includes(REMOVING_INFIX) && !name.includes('.stale-') && !SIDECAR_SUFFIXES.some(s => name.endsWith(s)) && !name.includes('.tmp-')
}

/** Every toolchain of the tool cache, by version folder then arch. */
export async function listToolchains(toolCacheDir: string): Promise<InstalledToolchain[]> {
  const goDir = goFolderOf(toolCacheDir)
  const found: InstalledToolchain[] = []
  const folders = (dir: string): string[] => {
    try {
      return readdirSync(dir, {withFileTypes: true})
        .filter(d => d.isDirectory() && isToolchainFolderName(d.name))
        .map(d => d.name)
        .sort()
    } catch {
      return []
    }
  }
  for (const version of folders(goDir)) {
    for (const arch of folders(path.join(goDir, version))) {
      const dir = path.join(goDir, version, arch)
      found.push(await describe(dir, version, arch))
    }
  }
  return found
}

async function describe(dir: string, version: string, arch: string): Promise<InstalledToolchain> {
  const sidecars = sidecarsOf(dir)
  let manifest: ToolchainManifest | undefined
  let manifestError: string | undefined
  try {
    manifest = await readManifestOf(dir)
  } catch (err) {
    manifestError = (err as Error).message
  }
  const state = await readState(dir)
  const marker = existsSync(sidecars.marker) ? statSync(sidecars.marker).mtime : undefined
  const lastUsed = state ? new Date(state.lastUsed) : marker
  const liveLeases = (await leasesOf(dir)).filter(l => l.live).length
  return {version, arch, dir, complete: marker !== undefined, manifest, ...(manifestError ? {manifestError} : {}), state, lastUsed, sizeOnDisk: diskUsage(dir), liveLeases}
}

/** What `du -sB1 dir` prints: every allocated block below it, a hard-linked file counted once. */
export function diskUsage(dir: string): number {
  const seen = new Set<string>()
  let bytes = 0
  const pending = [dir]
  while (pending.length > 0) {
    const current = pending.pop() as string
    let stats
    try {
      stats = lstatSync(current, {bigint: false})
    } catch {
      continue
    }
    const key = `${stats.dev}:${stats.ino}`
    if (stats.nlink > 1 && !stats.isDirectory()) {
      if (seen.has(key)) continue
      seen.add(key)
    }
    bytes += stats.blocks * 512
    if (stats.isDirectory()) {
      try {
        for (const name of readdirSync(current)) pending.push(path.join(current, name))
      } catch {
        // A folder we cannot read counts for itself only, as du does (it warns).
      }
    }
  }
  return bytes
}

/** `1.4 GB`, `312 MB`: sizes as an administrator reads them (powers of 1024, as du -h). */
export function formatSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

/** `10G`, `500M`, `1.5GiB`, `2048` (bytes): the --max-size argument; undefined when it is none of these. */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim())
  if (!match) return undefined
  const power = ['', 'k', 'm', 'g', 't'].indexOf((match[2] ?? '').toLowerCase())
  return Math.round(Number(match[1]) * 1024 ** power)
}
