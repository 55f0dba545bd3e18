/** Types of go-mirror-server.mjs (plain JavaScript so that it also runs as its own process). */
export interface MirrorArchive {
  /** `1.22.12` */
  version: string
  /** `go1.22.12.linux-amd64.tar.gz` */
  filename: string
  path: string
  sha256: string
  size: number
}

export type MirrorFault =
  | {status: number; times?: number; retryAfter?: number}
  | {truncate: true; times?: number; afterBytes?: number}
  | {wrongSha256: true}
  | {slow: number}
  | {hang: true; times?: number}
  | {drip: {bytes: number; everyMs: number}; times?: number}

export interface MirrorRelease {
  version: string
  stable: boolean
  files: {filename: string; os: string; arch: string; version: string; sha256: string; size: number; kind: 'archive' | 'installer' | 'source'}[]
}

export interface GoMirrorOptions {
  /** Minors to pack and serve (`1.22`), from the installed toolchains (scripts/toolchains.mjs); default: every one. */
  versions?: string[]
  /** Minors listed in the index without an archive; default every installed one (stable = 1.27.x); [] lists only what is served. */
  listed?: string[]
  faults?: Record<string, MirrorFault>
  /** `stored` (default): deflate's stored blocks, cheap to pack and inflate; `gzip`: gzip -1, as the benchmarks want. */
  compression?: MirrorCompression
  port?: number
  host?: string
  cacheRoot?: string
}

export type MirrorCompression = 'stored' | 'gzip'

export interface GoMirror {
  /** `http://127.0.0.1:PORT/dl` */
  baseUrl: string
  /** The index as served now (faults such as wrongSha256 included). */
  readonly releases: MirrorRelease[]
  archives: MirrorArchive[]
  /** Path and query of every request, in order. */
  requests: string[]
  /** Sets (or with undefined clears) the fault of a file name, resetting its count. */
  setFault(filename: string, fault: MirrorFault | undefined): void
  close(): Promise<void>
}

export function startGoMirror(options?: GoMirrorOptions): Promise<GoMirror>
export function installedGoMinors(env?: NodeJS.ProcessEnv): string[]
export function goVersionOf(goroot: string): Promise<string>
export function packGoArchive(goroot: string, cacheRoot?: string, compression?: MirrorCompression): Promise<MirrorArchive>
export function buildIndex(archives: MirrorArchive[], wrongSha256?: Set<string>, listed?: string[]): MirrorRelease[]
