/**
 * The install manifest of a toolchain: what was installed, from where, when, by what, and the tree
 * it holds (see tree.ts), so that every later use can check the toolchain is still that tree. It
 * lives beside the toolchain, outside the GOROOT (`<tool cache>/go/<semver>/<arch>.manifest.json`),
 * so `go` never sees it. Pure: text in, a checked manifest out, and back.
 */
import {comparePaths, entryLine, sortTree, treeDigest, treeTotals, type TreeEntry, type TreeTotals} from './tree.js'

export const MANIFEST_VERSION = 1

export interface ToolchainManifest {
  manifestVersion: typeof MANIFEST_VERSION
  /** Go's form: `1.22.12`, `1.24rc1`. */
  version: string
  /** GOOS and GOARCH of the archive. */
  os: string
  arch: string
  source: {
    url: string
    /** `go1.22.12.linux-amd64.tar.gz` */
    archive: string
    /** The archive's sha256, as the release index lists it and the download matched. */
    sha256: string
  }
  /** ISO 8601, UTC. */
  installedAt: string
  /** `go-matrix 0.1.0` */
  installer: string
  tree: TreeTotals & {digest: string; entries: TreeEntry[]}
}

export interface ManifestInput {
  version: string
  os: string
  arch: string
  source: ToolchainManifest['source']
  installedAt: Date
  installer: string
  entries: readonly TreeEntry[]
}

export function buildManifest(input: ManifestInput): ToolchainManifest {
  const entries = sortTree(input.entries)
  return {
    manifestVersion: MANIFEST_VERSION,
    version: input.version,
    os: input.os,
    arch: input.arch,
    source: {url: input.source.url, archive: input.source.archive, sha256: input.source.sha256},
    installedAt: input.installedAt.toISOString(),
    installer: input.installer,
    tree: {digest: treeDigest(entries), ...treeTotals(entries), entries}
  }
}

const ENTRIES_PLACEHOLDER = '"@entries@"'

/** The manifest as JSON, one tree entry per line (readable with less, greppable, diffable). */
export function formatManifest(manifest: ToolchainManifest): string {
  const head = JSON.stringify({...manifest, tree: {...manifest.tree, entries: '@entries@'}}, null, 2)
  const entries = manifest.tree.entries.length === 0 ? '[]' : `[\n${manifest.tree.entries.map(e => `      ${entryLine(e)}`).join(',\n')}\n    ]`
  return `${head.replace(ENTRIES_PLACEHOLDER, entries)}\n`
}

export class ManifestError extends Error {
  override name = 'ManifestError'
}

const HEX64 = /^[0-9a-f]{64}$/
const MODE = /^0[0-7]{3}$/

/**
 * Reads a manifest and checks it whole: its shape, each entry, the order, the totals and the tree
 * digest recomputed from the entries, so that a manifest edited or damaged by hand is refused
 * rather than trusted. `file` names it in messages.
 */
export function parseManifest(text: string, file: string): ToolchainManifest {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new ManifestError(`${file}: not JSON: ${(err as Error).message}`, {cause: err})
  }
  const fail = (what: string): never => {
    throw new ManifestError(`${file}: ${what}`)
  }
  if (!isRecord(json)) return fail('not a go-matrix toolchain manifest (expected a JSON object)')
  if (json.manifestVersion !== MANIFEST_VERSION) fail(`manifestVersion ${JSON.stringify(json.manifestVersion)} is not ${MANIFEST_VERSION}`)
  for (const key of ['version', 'os', 'arch', 'installedAt', 'installer'] as const) {
    if (typeof json[key] !== 'string' || json[key] === '') fail(`${key}: expected a string`)
  }
  const source = json.source
  if (!isRecord(source) || typeof source.url !== 'string' || typeof source.archive !== 'string' || typeof source.sha256 !== 'string' || !HEX64.test(source.sha256)) {
    fail('source: expected {url, archive, sha256} with a sha256 of 64 hexadecimal digits')
  }
  const tree = json.tree
  if (!isRecord(tree) || !Array.isArray(tree.entries) || typeof tree.digest !== 'string') return fail('tree: expected {digest, entries}')
  const entries = tree.entries.map((entry, i) => checkedEntry(entry, `tree.entries[${i}]`, fail))
  for (let i = 1; i < entries.length; i++) {
    const order = comparePaths((entries[i - 1] as TreeEntry).path, (entries[i] as TreeEntry).path)
    if (order === 0) fail(`tree.entries: ${(entries[i] as TreeEntry).path} is listed twice`)
    if (order > 0) fail('tree.entries: not sorted by path')
  }
  const digest = treeDigest(entries)
  if (digest !== tree.digest) fail(`tree.digest ${tree.digest} does not match its entries (${digest}): the manifest was changed after it was written`)
  const totals = treeTotals(entries)
  for (const key of ['files', 'directories', 'symlinks', 'bytes'] as const) {
    if (tree[key] !== totals[key]) fail(`tree.${key} is ${JSON.stringify(tree[key])}, but the entries hold ${totals[key]}`)
  }
  return {...(json as unknown as ToolchainManifest), tree: {...(tree as unknown as ToolchainManifest['tree']), entries}}
}

/**
 * Parses a manifest whose file is unchanged since go-matrix wrote it or last checked it whole
 * (its stamp, stamps.ts): the entries are taken as they are, without the checks and the digest
 * parseManifest recomputes, which take a reuse 60-100 ms. Undefined when the text is not even the
 * shape of one (the caller then checks it whole, and says what is wrong).
 */
export function parseUnchangedManifest(text: string): ToolchainManifest | undefined {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isRecord(json) || json.manifestVersion !== MANIFEST_VERSION || !isRecord(json.source) || !isRecord(json.tree) || !Array.isArray(json.tree.entries)) return undefined
  return json as unknown as ToolchainManifest
}

function checkedEntry(value: unknown, at: string, fail: (what: string) => never): TreeEntry {
  if (!isRecord(value) || typeof value.path !== 'string' || !isRelativePath(value.path)) return fail(`${at}: expected an entry with a relative path inside the GOROOT`)
  switch (value.type) {
    case 'file':
      if (typeof value.mode !== 'string' || !MODE.test(value.mode)) fail(`${at}: mode: expected four octal digits such as 0644`)
      if (!Number.isSafeInteger(value.size) || (value.size as number) < 0) fail(`${at}: size: expected a whole number of bytes`)
      if (typeof value.sha256 !== 'string' || !HEX64.test(value.sha256)) fail(`${at}: sha256: expected 64 hexadecimal digits`)
      return {path: value.path, type: 'file', mode: value.mode as string, size: value.size as number, sha256: value.sha256 as string}
    case 'dir':
      if (typeof value.mode !== 'string' || !MODE.test(value.mode)) fail(`${at}: mode: expected four octal digits such as 0755`)
      return {path: value.path, type: 'dir', mode: value.mode as string}
    case 'symlink':
      if (typeof value.target !== 'string' || value.target === '') fail(`${at}: target: expected the link's target`)
      return {path: value.path, type: 'symlink', target: value.target as string}
    default:
      return fail(`${at}: type: expected file, dir or symlink`)
  }
}

/** `bin/go`: no leading `/`, no empty, `.` or `..` segment, no backslash. */
function isRelativePath(value: string): boolean {
  return !NOT_RELATIVE.test(value)
}

/** An empty, `.` or `..` segment (so also a leading or trailing `/`), or a backslash. */
const NOT_RELATIVE = /(?:^|\/)\.{0,2}(?:\/|$)|\\/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
