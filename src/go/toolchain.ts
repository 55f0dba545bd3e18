/** Where an installed toolchain came from (report.json `toolchain.source`). */
export type ToolchainSource = 'tool-cache' | 'cache' | 'download' | 'local'

import type {ToolchainVerification} from '../toolchains/verify.js'

export type {ToolchainVerification}

/** One installed Go version, ready to run: the `toolchain` object of report.json plus its GOROOT. */
export interface Toolchain {
  /** The spec it was resolved from, as the user wrote it (`1.22`, `stable`, `go.mod`). */
  spec: string
  /** Go's version without the `go` prefix: `1.22.12`, `1.24rc1`. */
  version: string
  goroot: string
  /** sha256 of the release archive, or '' for a local toolchain. */
  sha256: string
  source: ToolchainSource
  /** Wall time spent finding or installing it. */
  seconds: number
  /** Why this version was chosen when no spec named it (a go.mod without a go line, a minimum with no release of its own). */
  note?: string
  verified?: ToolchainVerification
  /**
   * Set when the copy found was damaged and replaced from the verified archive: what differed
   * (report.json `toolchain.recovered` is true, and the version's notes say this).
   */
  recovery?: string
}
