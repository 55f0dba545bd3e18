import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);

// src/report/labels.ts
function versionLabels(rows) {
  const counts = /* @__PURE__ */ new Map();
  for (const row of rows) counts.set(row.version, (counts.get(row.version) ?? 0) + 1);
  return rows.map((row) => (counts.get(row.version) ?? 0) > 1 && row.platform ? `${row.version} (${row.platform})` : row.version);
}

// src/report/format.ts
function signed(delta) {
  if (delta === null || delta === void 0) return "\u2014";
  if (delta === 0) return "0.0";
  return `${delta > 0 ? "+" : "\u2212"}${Math.abs(delta).toFixed(1)}`;
}
function percent(value) {
  return value === null || value === void 0 ? "\u2014" : `${value.toFixed(1)}%`;
}
function seconds(value) {
  if (value < 60) return `${value.toFixed(1)} s`;
  const m = Math.floor(value / 60);
  return `${m} min ${Math.round(value - m * 60)} s`;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function lineRanges(lines) {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const ranges = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    ranges.push(i === j ? String(sorted[i]) : `${sorted[i]}\u2013${sorted[j]}`);
    i = j + 1;
  }
  return ranges.join(", ");
}

export {
  versionLabels,
  signed,
  percent,
  seconds,
  plural,
  lineRanges
};
