#!/usr/bin/env node
/**
 * The installer as a whole process, for bench/install: installs (or reuses) the given versions into
 * a tool cache and exits. Timed from outside, from the process's spawn to its exit, so node's start,
 * loading the installer and fetching the index all count, as they do for `go-matrix run`.
 *
 *   node bench/install/install-one.mjs BASE_URL TOOL_CACHE fast|full SPEC…
 *
 * Prints one JSON line: each version's source, verification and seconds as installGo reports them.
 */
import {installGo} from '../../lib/go/install.js'

const [downloadBaseUrl, toolCacheDir, verify, ...specs] = process.argv.slice(2)
const toolchains = await installGo({specs, downloadBaseUrl, toolCacheDir, tempDir: `${toolCacheDir}.temp`, cache: false, verify})
console.log(JSON.stringify(toolchains.map(t => ({version: t.version, source: t.source, verified: t.verified, seconds: t.seconds}))))
