import { createRequire } from 'node:module';
import { type default as ExcelJSModule } from 'exceljs';

/**
 * ExcelJS 4.4.0's streaming reader decodes every chunk of a sheet's XML with a fresh
 * `TextDecoder.decode(chunk)` (lib/utils/parse-sax.js), so a Cyrillic letter split across two
 * chunks becomes two U+FFFD — real files lose letters at random places. This module loads a
 * private copy of ExcelJS whose decoder streams (`{ stream: true }`), leaving any copy other code
 * imported untouched. One decoder serves the copy: callers read one workbook at a time (xlsx.ts
 * serialises them); XML parts end in «>», so no partial character carries from one part to the next.
 */

const require = createRequire(import.meta.url);
const EXCELJS_DIR = `${require.resolve('exceljs/package.json').slice(0, -'package.json'.length)}`;

// Forget cached ExcelJS modules so the copy below is evaluated after the patch (others keep theirs).
for (const key of Object.keys(require.cache)) if (key.startsWith(EXCELJS_DIR)) delete require.cache[key];

const decoder = new TextDecoder('utf-8');
const decoding = require(`${EXCELJS_DIR}lib/utils/browser-buffer-decode.js`) as {
  bufferToString: (chunk: string | Uint8Array) => string;
};
decoding.bufferToString = (chunk) =>
  typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });

export const ExcelJSReader = require('exceljs') as typeof ExcelJSModule;

// The next require of ExcelJS elsewhere gets an ordinary copy again.
for (const key of Object.keys(require.cache)) if (key.startsWith(EXCELJS_DIR)) delete require.cache[key];
