/**
 * `<arch>.state.json` beside a toolchain: when a job last used it and how it was last verified,
 * for `toolchains list` and for pruning by age. Rewritten whole (atomically) at each use; when two
 * jobs write at once, one of two nearly equal times wins, which is all a "last used" needs.
 */
import {readFile} from 'node:fs/promises'
import {sidecarsOf, writeFileAtomically} from './layout.js'
import type {Stamps} from './stamps.js'
import type {ToolchainVerification} from './verify.js'

export interface ToolchainState {
  /** ISO 8601: the last job that used it (installed or reused). */
  lastUsed: string
  /** ISO 8601: the last verification, by a job or `toolchains verify`. */
  lastVerified?: string
  /** How: `archive` (installed from the verified archive), `fast`, `full`, `unverified`, or `damaged`. */
  verification?: ToolchainVerification | 'damaged'
  /** The files that run, as they were when last hashed and found intact (stamps.ts). */
  stamps?: Stamps
  /** The manifest file, as it was when written or last checked whole (stamps.ts). */
  manifestStamps?: Stamps
}

/** What the previous checks left for the next one: the stamps of the files that run, and of the manifest. */
export type PreviousChecks = Pick<ToolchainState, 'stamps' | 'manifestStamps'>

export async function readState(dir: string): Promise<ToolchainState | undefined> {
  try {
    const json = JSON.parse(await readFile(sidecarsOf(dir).state, 'utf8')) as Partial<ToolchainState>
    return typeof json.lastUsed === 'string' ? (json as ToolchainState) : undefined
  } catch {
    // Missing (setup-go's toolchains, or one installed before go-matrix kept state), or half-read: no state.
    return undefined
  }
}

export async function writeState(dir: string, state: ToolchainState): Promise<void> {
  await writeFileAtomically(sidecarsOf(dir).state, `${JSON.stringify(state)}\n`)
}
