/**
 * The tool cache's audit trail, `<tool cache>/go/go-matrix-audit.jsonl`: one JSON object per line
 * for every install, reuse, verification, recovery and removal, with its time, the job and the
 * outcome. Jobs on one runner share the file: each line is one append (O_APPEND) of one write, which
 * the kernel places whole at the end of the file whatever other jobs write at the same time.
 *
 * Writing the log never fails the job: a read-only or full tool cache turns into one warning.
 */
import {appendFile, mkdir} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {auditLogOf} from './layout.js'

export type AuditEvent = 'install' | 'reuse' | 'verify' | 'recover' | 'remove'

export interface AuditRecord {
  /** ISO 8601, UTC. */
  time: string
  event: AuditEvent
  /** `1.22.12`, or absent for a toolchain whose version is not known (a stray folder). */
  version?: string
  arch?: string
  /** The toolchain's folder. */
  path: string
  /** `ok`, `damaged`, `unverified`, `kept` (prune skipped it) …: what came of it. */
  outcome: string
  /** The job: `github:<run id>/<attempt>/<job>` on GitHub Actions, else `<user>@<host> pid <pid>`. */
  job: string
  /** Free-form specifics: the differing files, the bytes freed, the source. */
  detail?: string
  bytes?: number
}

/** Who is writing: the GitHub run when there is one, so that a line leads back to its log. */
export function jobIdentity(env: NodeJS.ProcessEnv = process.env): string {
  if (env.GITHUB_RUN_ID) return `github:${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT ?? '1'}/${env.GITHUB_JOB ?? ''}`
  let user = ''
  try {
    user = os.userInfo().username
  } catch {
    // No passwd entry (a container's arbitrary uid): the host and pid still tell the job.
  }
  return `${user ? `${user}@` : ''}${os.hostname()} pid ${process.pid}`
}

/** One line as appended: the record's JSON, newline-terminated, with no newline inside. */
export function auditLine(record: AuditRecord): string {
  return `${JSON.stringify(record)}\n`
}

export type AuditEntry = Omit<AuditRecord, 'time' | 'job'>

/** Appends records to a tool cache's audit log. */
export class AuditLog {
  private warned = false

  constructor(
    readonly file: string,
    private readonly job: string,
    private readonly warn: (message: string) => void
  ) {}

  static of(toolCacheDir: string, warn: (message: string) => void, env: NodeJS.ProcessEnv = process.env): AuditLog {
    return new AuditLog(auditLogOf(toolCacheDir), jobIdentity(env), warn)
  }

  async append(entry: AuditEntry, now = new Date()): Promise<void> {
    const line = auditLine({time: now.toISOString(), ...entry, job: this.job})
    try {
      await mkdir(path.dirname(this.file), {recursive: true})
      // One write of the whole line with O_APPEND ('a'): concurrent appenders never interleave.
      await appendFile(this.file, line, {flag: 'a'})
    } catch (err) {
      if (this.warned) return
      this.warned = true
      this.warn(`cannot append to the toolchain audit log ${this.file}: ${(err as Error).message}`)
    }
  }
}
