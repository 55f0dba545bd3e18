/**
 * The check every reuse of a toolchain passes before it is used: a tool cache hit, an Actions
 * cache restore, a local toolchain. With a manifest beside it, the tree is verified against it
 * (verify.ts); without one (a runner image's Go, one setup-go or an older go-matrix installed), the
 * toolchain is used only when `go version` names the expected version and `go env GOROOT` the
 * folder it lies in, and is reported `unverified`.
 */
import {execFile} from 'node:child_process'
import {realpath} from 'node:fs/promises'
import {promisify} from 'node:util'
import {parseGoVersionOutput} from './local.js'
import {goBinary} from './platform.js'
import type {ToolchainVerification} from './toolchain.js'
import {readStampedManifestOf, type StampedManifest} from '../toolchains/layout.js'
import type {Stamps} from '../toolchains/stamps.js'
import type {PreviousChecks} from '../toolchains/state.js'
import {describeDifferences, verifyTree, type VerifyLevel, type VerifyResult} from '../toolchains/verify.js'

const execFileAsync = promisify(execFile)

/** What the toolchain must be: the resolved version, and for the tool cache the archive the index lists. */
export interface Expected {
  version: string
  os: string
  arch: string
  /** The archive's sha256 as the index lists it; undefined for a local toolchain. */
  sha256?: string
  goBinary: string
}

export type ReuseCheck =
  | {
      ok: true
      verified: Exclude<ToolchainVerification, 'archive'>
      result?: VerifyResult
      /** The manifest's stamp to keep, and whether it was checked whole or trusted unchanged (layout.ts). */
      manifestStamps?: Stamps
      manifestChecked?: StampedManifest['checked']
    }
  | {ok: false; verified: Exclude<ToolchainVerification, 'archive'>; problem: string; result?: VerifyResult}

/**
 * What a check leaves for the next one (state.json): the stamps of the files that run it found
 * intact, and, when it passed, the manifest's stamp.
 */
export function checksOf(check: ReuseCheck): PreviousChecks {
  const manifestStamps = check.ok ? check.manifestStamps : undefined
  return {...(check.result ? {stamps: check.result.stamps} : {}), ...(manifestStamps ? {manifestStamps} : {})}
}

/** The audit log's outcome of a check: `verified fast`, `unverified` (no manifest), `damaged`. */
export function checkOutcome(check: ReuseCheck): string {
  if (!check.ok) return 'damaged'
  return check.verified === 'unverified' ? 'unverified' : `verified ${check.verified}`
}

/**
 * Checks the toolchain at `goroot` before it is used. `previous` is what the last check (or the
 * install) left in its state: a fast check trusts the stamps of files and a manifest unchanged since
 * (stamps.ts); a full check reads everything afresh. `problem` is a sentence that says what differs,
 * naming the first differing files: `differs from its install manifest: bin/go: content differs`.
 */
export async function checkToolchain(goroot: string, expected: Expected, level: VerifyLevel, previous?: PreviousChecks): Promise<ReuseCheck> {
  let read
  try {
    read = await readStampedManifestOf(goroot, level === 'fast' ? previous?.manifestStamps : undefined)
  } catch (err) {
    return {ok: false, verified: level, problem: `has a damaged install manifest: ${(err as Error).message}`}
  }
  if (!read) {
    const problem = await goDisagrees(goroot, expected)
    return problem ? {ok: false, verified: 'unverified', problem} : {ok: true, verified: 'unverified'}
  }
  const {manifest} = read
  const other = [
    manifest.version !== expected.version ? `Go ${manifest.version}` : '',
    manifest.os !== expected.os || manifest.arch !== expected.arch ? `${manifest.os}/${manifest.arch}` : '',
    expected.sha256 !== undefined && manifest.source.sha256 !== expected.sha256.toLowerCase() ? `the archive with sha256 ${manifest.source.sha256}` : ''
  ].filter(Boolean)
  if (other.length > 0) {
    const wanted = `Go ${expected.version} for ${expected.os}/${expected.arch}${expected.sha256 ? ` from the archive with sha256 ${expected.sha256}` : ''}`
    return {ok: false, verified: level, problem: `has an install manifest of ${other.join(', ')}, not of ${wanted}`}
  }
  const result = await verifyTree(goroot, manifest.tree.entries, level, level === 'fast' ? previous?.stamps : undefined)
  if (result.differences.length > 0) return {ok: false, verified: level, problem: `differs from its install manifest: ${describeDifferences(result)}`, result}
  return {ok: true, verified: level, result, manifestStamps: read.stamps, manifestChecked: read.checked}
}

/**
 * Why a toolchain without a manifest must not be used, or undefined: `go version` must name the
 * expected version and `go env GOROOT` the folder itself (so it is not a `go` that runs another
 * installation). Run with GOROOT unset, so that go finds its own, and GOTOOLCHAIN=local.
 */
async function goDisagrees(goroot: string, expected: Expected): Promise<string | undefined> {
  const go = goBinary(goroot, expected)
  const env: NodeJS.ProcessEnv = {...process.env, GOTOOLCHAIN: 'local'}
  delete env.GOROOT
  const run = async (args: string[]): Promise<string> => (await execFileAsync(go, args, {env, timeout: 60_000})).stdout.trim()
  try {
    const [versionOutput, reported, here] = await Promise.all([run(['version']), run(['env', 'GOROOT']), realpath(goroot)])
    const version = parseGoVersionOutput(versionOutput)
    if (version !== expected.version) return `has no install manifest and its go version prints ${JSON.stringify(versionOutput)}, not go${expected.version}`
    const where = await realpath(reported).catch(() => reported)
    if (where !== here) return `has no install manifest and its go env GOROOT is ${reported}, not the folder itself`
    return undefined
  } catch (err) {
    return `has no install manifest and its go does not run: ${(err as Error).message.trim()}`
  }
}
