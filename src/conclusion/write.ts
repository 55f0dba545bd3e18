/**
 * The one writer of the report folder's files: report.json, summary.md, merged.lcov and merged.out,
 * each claimed in the folder's marker before it is written (files/report-folder.ts: go-matrix
 * writes only what it claimed, and never over a file it did not write).
 */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {claimReportEntries} from '../files/report-folder.js'
import type {Conclusion} from './conclude.js'

/** The report folder's own files, by role. */
export interface ReportFiles {
  report: string
  lcov: string
  merged: string
  summary: string
}

export function reportFilesIn(reportDir: string): ReportFiles {
  return {
    report: path.join(reportDir, 'report.json'),
    lcov: path.join(reportDir, 'merged.lcov'),
    merged: path.join(reportDir, 'merged.out'),
    summary: path.join(reportDir, 'summary.md')
  }
}

/** report.json as go-matrix writes it: two-space indents, a final newline. */
export function reportJson(report: object): string {
  return JSON.stringify(report, null, 2) + '\n'
}

/** Writes a conclusion's files into the report folder; returns where. */
export async function writeConclusion(reportDir: string, conclusion: Pick<Conclusion, 'report' | 'summary' | 'lcov' | 'mergedProfile'>): Promise<ReportFiles> {
  const files = reportFilesIn(reportDir)
  await claimReportEntries(reportDir, Object.values(files).map(file => path.basename(file)))
  await writeFile(files.lcov, conclusion.lcov)
  await writeFile(files.merged, conclusion.mergedProfile)
  await writeFile(files.report, reportJson(conclusion.report))
  await writeFile(files.summary, conclusion.summary)
  return files
}
