/**
 * go.dev's download index (`{base}/?mode=json&include=all`): its types, kept in go.dev's own field names,
 * the choice of a release's archive for a platform (pure), and fetching the index (once per run).
 */
import type {Platform} from './platform.js'
import type {AvailableVersion} from './versions.js'
import {getText, type RetryOptions} from '../transport/http.js'

export interface GoRelease {
  /** `go1.22.5`, `go1.24rc1`. */
  version: string
  stable: boolean
  files: GoReleaseFile[]
}

export interface GoReleaseFile {
  filename: string
  /** GOOS, '' for the source archive. */
  os: string
  arch: string
  version: string
  sha256: string
  size: number
  kind: 'archive' | 'installer' | 'source'
}

/** The archive (not installer, not source) of a release for a platform, if go.dev built one. */
export function archiveFor(release: GoRelease, platform: Platform): GoReleaseFile | undefined {
  return release.files.find(
    f => f.kind === 'archive' && f.os === platform.os && f.arch === platform.arch && f.filename.endsWith(platform.archive)
  )
}

/** The releases that can be installed on a platform, in the form resolveVersions takes. */
export function availableVersions(releases: readonly GoRelease[], platform: Platform): AvailableVersion[] {
  return releases
    .filter(r => archiveFor(r, platform) !== undefined)
    .map(r => ({version: r.version.replace(/^go/, ''), stable: r.stable}))
}

/** Finds the release of a resolved version (`1.22.5`) and its archive for the platform. */
export function findArchive(
  releases: readonly GoRelease[],
  version: string,
  platform: Platform
): {release: GoRelease; file: GoReleaseFile} | undefined {
  const release = releases.find(r => r.version === `go${version}`)
  const file = release && archiveFor(release, platform)
  return release && file ? {release, file} : undefined
}

/** `{base}/?mode=json&include=all`, the index of every release, as go.dev serves it. */
export function indexUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/?mode=json&include=all`
}

/** `{base}/{filename}`. */
export function archiveUrl(baseUrl: string, filename: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(filename)}`
}

/** Validates the parsed JSON's shape, naming the first entry that does not fit. */
export function parseIndex(json: string, url: string): GoRelease[] {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (err) {
    throw new Error(`${url}: the Go release index is not JSON (${(err as Error).message})`, {cause: err})
  }
  if (!Array.isArray(data)) throw new Error(`${url}: the Go release index is not a JSON array`)
  data.forEach((release: unknown, i) => {
    const r = release as Partial<GoRelease>
    if (typeof r?.version !== 'string' || typeof r.stable !== 'boolean' || !Array.isArray(r.files)) {
      throw new Error(`${url}: entry ${i} is not a release ({version, stable, files}): ${JSON.stringify(release).slice(0, 200)}`)
    }
    r.files.forEach((f: Partial<GoReleaseFile>, j) => {
      if (typeof f?.filename !== 'string' || typeof f.os !== 'string' || typeof f.arch !== 'string' || typeof f.sha256 !== 'string' || typeof f.kind !== 'string') {
        throw new Error(`${url}: ${r.version} file ${j} lacks filename, os, arch, sha256 or kind: ${JSON.stringify(f).slice(0, 200)}`)
      }
    })
  })
  return data as GoRelease[]
}

/** Fetches and validates the index (with the retries of http.ts); `signal` aborts the fetch. */
export async function fetchReleases(baseUrl: string, retry?: RetryOptions, signal?: AbortSignal): Promise<GoRelease[]> {
  const url = indexUrl(baseUrl)
  return parseIndex(await getText(url, 'the Go release index', retry, signal), url)
}
