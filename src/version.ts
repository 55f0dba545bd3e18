/** The version of go-matrix written into report.json (kept equal to package.json's): util/version.ts. */
export {TOOL_VERSION} from './util/version.js'
