/** Types of esbuild-node.mjs. */
import type {BuildOptions} from 'esbuild'
export const NODE_BUNDLE: BuildOptions
