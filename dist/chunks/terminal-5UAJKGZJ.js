import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  renderTerminalReport
} from "./chunk-OKOP22GT.js";
import "./chunk-GLNLGA6B.js";
import "./chunk-L35V7ZA7.js";
export {
  renderTerminalReport
};
