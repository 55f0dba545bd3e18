/**
 * Names for the rows of a report. A Go version alone names its row, unless legs on different
 * platforms ran the same version (an aggregated matrix over operating systems): then each of
 * those rows is `<version> (<platform>)`, so comparisons and gates can tell them apart.
 */
export function versionLabels(rows: readonly {version: string; platform?: string | undefined}[]): string[] {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.version, (counts.get(row.version) ?? 0) + 1)
  return rows.map(row => ((counts.get(row.version) ?? 0) > 1 && row.platform ? `${row.version} (${row.platform})` : row.version))
}
