/**
 * The platform a toolchain is installed for, in the three vocabularies that meet here: Node's
 * (process.platform / os.arch()), Go's (GOOS / GOARCH as go.dev names files) and the tool cache's
 * (Node's arch, as actions/setup-go lays out $RUNNER_TOOL_CACHE/go/<semver>/<arch>). Pure.
 */
import path from 'node:path'

export interface Platform {
  /** Go's GOOS: linux, darwin, windows, freebsd... */
  os: string
  /** go.dev's arch in file names: amd64, arm64, 386, armv6l, ppc64le, s390x... */
  arch: string
  /** The tool cache's arch directory: Node's os.arch() (x64, arm64, ia32...), as setup-go uses. */
  toolCacheArch: string
  archive: '.tar.gz' | '.zip'
  /** `go` or `go.exe`. */
  goBinary: string
}

const GO_OS: Record<string, string> = {
  linux: 'linux',
  darwin: 'darwin',
  win32: 'windows',
  freebsd: 'freebsd',
  openbsd: 'openbsd',
  netbsd: 'netbsd',
  aix: 'aix',
  sunos: 'solaris'
}

const GO_ARCH: Record<string, string> = {
  x64: 'amd64',
  arm64: 'arm64',
  ia32: '386',
  // go.dev publishes 32-bit ARM Linux builds as armv6l (they run on v7 too).
  arm: 'armv6l',
  // Node calls little-endian POWER "ppc64" on Linux; Go's only Linux POWER build is ppc64le.
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loong64',
  mips64el: 'mips64le'
}

/** Maps Node's platform and arch to the Go release platform; throws for one go.dev does not build for. */
export function platformFor(nodePlatform: string, nodeArch: string): Platform {
  const os = GO_OS[nodePlatform]
  const arch = GO_ARCH[nodeArch]
  if (!os) throw new Error(`platform ${nodePlatform}: go.dev publishes no Go releases for it`)
  if (!arch) throw new Error(`architecture ${nodeArch}: go.dev publishes no Go releases for it`)
  const windows = os === 'windows'
  return {os, arch, toolCacheArch: nodeArch, archive: windows ? '.zip' : '.tar.gz', goBinary: windows ? 'go.exe' : 'go'}
}

/** The platform this process runs on. */
export function currentPlatform(): Platform {
  return platformFor(process.platform, process.arch)
}

/** go.dev's archive name for a version on a platform: go1.22.5.linux-amd64.tar.gz. */
export function archiveName(version: string, platform: Platform): string {
  return `go${version}.${platform.os}-${platform.arch}${platform.archive}`
}

/**
 * The go command of a GOROOT: `<goroot>/bin/go`, or `go.exe` on Windows. Every module that runs a
 * toolchain's go (the installer, `go version`, the runner, `go tool cover`) builds the path here.
 */
export function goBinary(goroot: string, platform: Pick<Platform, 'goBinary'> = currentPlatform()): string {
  return path.join(goroot, 'bin', platform.goBinary)
}
