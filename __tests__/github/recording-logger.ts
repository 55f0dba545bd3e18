import type {Logger} from '../../src/util/log.js'

/** A Logger that keeps every message, by level, for assertions. */
export function recordingLogger(): Logger & {infos: string[]; warnings: string[]; errors: string[]; debugs: string[]; all(): string[]} {
  const infos: string[] = []
  const warnings: string[] = []
  const errors: string[] = []
  const debugs: string[] = []
  return {
    infos,
    warnings,
    errors,
    debugs,
    info: m => void infos.push(m),
    warning: m => void warnings.push(m),
    error: m => void errors.push(m),
    debug: m => void debugs.push(m),
    group: (title, body) => void infos.push(`${title}\n${body}`),
    all: () => [...infos, ...warnings, ...errors, ...debugs]
  }
}
