import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);

// src/util/split-args.ts
function splitArgs(text) {
  const words = [];
  let word = "";
  let inWord = false;
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "\\" && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unterminated ${quote} quote in ${JSON.stringify(text)}`);
  if (inWord) words.push(word);
  return words;
}
function splitList(text) {
  return text.split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== "");
}
function joinArgs(words) {
  return words.map((w) => /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`).join(" ");
}

export {
  splitArgs,
  splitList,
  joinArgs
};
