import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  percent,
  seconds,
  signed,
  versionLabels
} from "./chunk-SJKBGCPK.js";

// src/report/terminal.ts
var COLORS = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 };
function renderTerminalReport(report, verdict, color) {
  const paint = (c, text) => color ? `\x1B[${COLORS[c]}m${text}\x1B[0m` : text;
  const statusColor = (s) => s === "passed" ? "green" : s === "skipped" ? "dim" : s === "failed" ? "red" : "yellow";
  const cmp = new Map(report.comparisons.versions.map((c) => [c.version, c]));
  const header = ["go", "status", "tests (pass/fail/skip)", "coverage", "\u0394 like-for-like", "time", "toolchain"];
  const labels = versionLabels(report.versions);
  const rows = report.versions.map((v, i) => [
    labels[i],
    v.status,
    v.status === "skipped" ? v.reason ?? "" : `${v.tests.passed}/${v.tests.failed}/${v.tests.skipped}`,
    percent(v.coverage?.statements.percent),
    cmp.has(labels[i]) ? signed(cmp.get(labels[i])?.likeForLikeDelta) : v.coverage ? "ref" : "\u2014",
    seconds(v.seconds),
    v.toolchain.source
  ]);
  const line = aligned(header, rows);
  const out = [paint("bold", verdict.sentence)];
  if (rows.length > 0) out.push("", paint("dim", line(header)));
  report.versions.forEach((v, i) => {
    const cells = rows[i];
    const text = line(cells);
    const at = text.indexOf(v.status, cells[0].length);
    out.push(text.slice(0, at) + paint(statusColor(v.status), v.status) + text.slice(at + v.status.length));
  });
  out.push(...moduleGrid(report, labels));
  if (report.merged) out.push("", `merged line coverage: ${percent(report.merged.lines.percent)}`);
  for (const v of report.versions) {
    for (const f of v.tests.failures) {
      out.push("", paint("red", `--- FAIL ${f.test || "(build)"} [${f.package}] on Go ${v.version}`), f.output.replace(/\n$/, ""));
    }
    if (v.status === "error" && v.reason) out.push("", paint("yellow", `Go ${v.version}: ${v.reason}`));
    for (const note of v.notes ?? []) out.push("", paint("yellow", `Go ${v.version}: ${note}`));
  }
  for (const g of report.gates.filter((g2) => !g2.passed)) out.push("", paint("red", `gate ${g.name}: ${g.message}`));
  return out.join("\n") + "\n";
}
function moduleGrid(report, labels) {
  const dirs = [...new Set(report.versions.flatMap((v) => (v.modules ?? []).map((m) => m.dir)))];
  if (dirs.length === 0) return [];
  const header = ["module", ...labels.map((l) => `go ${l}`)];
  const rows = dirs.map((dir) => [
    dir,
    ...report.versions.map((v) => {
      const m = v.modules?.find((x) => x.dir === dir);
      if (m === void 0) return "\u2014";
      return m.coverage ? `${m.status} ${percent(m.coverage.statements.percent)}` : m.status;
    })
  ]);
  const line = aligned(header, rows);
  return ["", line(header), ...rows.map(line)];
}
function aligned(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return (cells) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
}

export {
  renderTerminalReport
};
