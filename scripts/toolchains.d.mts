/** Types of toolchains.mjs (plain JavaScript so that scripts, benchmarks and the test mirror share it). */
export const SETUP_MINORS: readonly string[]
export function toolchainRoots(env?: NodeJS.ProcessEnv): string[]
export function findGoroot(minor: string, env?: NodeJS.ProcessEnv): string | undefined
export function gorootOf(minor: string, env?: NodeJS.ProcessEnv): string
export function installedGoMinors(env?: NodeJS.ProcessEnv): string[]
export function versionAt(goroot: string): string
