/**
 * A loopback go.dev/dl mirror serving real Go archives packed from the toolchains on this machine, with
 * faults injectable per file name. The logic lives in go-mirror-server.mjs, which also runs as its own
 * process (`node __tests__/helpers/go-mirror-server.mjs --port 0 --versions 1.21,1.22,1.23`).
 */
export {startGoMirror, installedGoMinors, packGoArchive} from './go-mirror-server.mjs'
export type {GoMirror, GoMirrorOptions, MirrorArchive, MirrorFault, MirrorRelease} from './go-mirror-server.mjs'
