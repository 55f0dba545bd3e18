/** The version of go-matrix written into report.json (kept equal to package.json's by a test). */
export const TOOL_VERSION = '0.1.0'
