/**
 * The go-matrix library: the pure parts (version resolution, coverage, comparisons, rendering)
 * and the installer and runner APIs. Importing it has no side effects.
 */
export {INPUTS, OUTPUTS} from './definitions.js'
export type {InputDefinition, OutputDefinition} from './definitions.js'
export {parseOptions, InputError} from './options.js'
export type {Options, CoverMode, Mode, Baseline, BuildTarget} from './options.js'
export type {Toolchain, ToolchainSource} from './go/toolchain.js'
export {splitArgs, splitList} from './util/split-args.js'
