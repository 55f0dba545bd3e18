/**
 * The version of go-matrix written into report.json and install manifests (kept equal to
 * package.json's). In util/ so that every layer (the installer's manifests too) may read it;
 * src/version.ts re-exports it for the entry points.
 */
export const TOOL_VERSION = '0.1.0'
