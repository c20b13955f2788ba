#!/usr/bin/env node
// Writes the seed corpus for the fuzz targets at run time (never committed):
//   node fuzz/make-seeds.js SPEC.txt CORPUS_DIR OUT_DIR
// - every CommonMark spec example (`→` stands for a tab), as CommonMark (options 0);
// - the documents of CORPUS_DIR/{md,mdx,mdx-math} cut at line ends into pieces of at
//   most MAX_PIECE bytes; .md with GFM|MATH|FRONTMATTER, .mdx with MDX as well.
// Each seed is one option byte (the MDX_OPT_* bits, see fuzz_common.h) + the document.
// A missing spec or corpus is skipped with a note. Seeds are named by content hash, so
// rerunning gives the same files.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const [specPath, corpusDir, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: make-seeds.js SPEC.txt CORPUS_DIR OUT_DIR');
  process.exit(2);
}
const MAX_PIECE = 4000; // + 1 option byte, below the runs' -max_len=4096

// MDX_OPT_* from src/mdx.h
const OPT = { MDX: 1, GFM: 2, MATH: 4, FRONTMATTER: 8 };

fs.mkdirSync(outDir, { recursive: true });
let written = 0;
function writeSeed(options, body) {
  const data = Buffer.concat([Buffer.from([options]), body]);
  const name = crypto.createHash('sha1').update(data).digest('hex');
  fs.writeFileSync(path.join(outDir, name), data);
  written++;
}

// Spec examples: between a line of 32 backticks + " example" and a line of 32 backticks,
// markdown before a lone ".".
if (specPath && fs.existsSync(specPath)) {
  const fence = '`'.repeat(32);
  const lines = fs.readFileSync(specPath, 'utf8').split('\n');
  let inExample = false;
  let md = null;
  let count = 0;
  for (const line of lines) {
    if (!inExample) {
      if (line.startsWith(fence + ' example')) {
        inExample = true;
        md = [];
      }
    } else if (line === fence) {
      inExample = false;
    } else if (md && line === '.') {
      const text = md.length ? md.join('\n') + '\n' : '';
      writeSeed(0, Buffer.from(text.replace(/→/g, '\t'), 'utf8'));
      count++;
      md = null; // the HTML part follows
    } else if (md) {
      md.push(line);
    }
  }
  console.log(`seeds: ${count} spec examples`);
} else {
  console.log(`seeds: no spec at ${specPath}, skipped`);
}

// Cuts a document at line ends into pieces of at most MAX_PIECE bytes (a longer line is
// cut at a UTF-8 character boundary).
function* pieces(buf) {
  let start = 0;
  while (start < buf.length) {
    let end = Math.min(start + MAX_PIECE, buf.length);
    if (end < buf.length) {
      const nl = buf.lastIndexOf(0x0a, end - 1);
      if (nl >= start) end = nl + 1;
      else while (end > start + 1 && (buf[end] & 0xc0) === 0x80) end--;
    }
    yield buf.subarray(start, end);
    start = end;
  }
}

if (corpusDir && fs.existsSync(corpusDir)) {
  // The big*.md* files are these same documents joined, so they add nothing.
  const parts = [
    ['md', OPT.GFM | OPT.MATH | OPT.FRONTMATTER],
    ['mdx', OPT.MDX | OPT.GFM | OPT.FRONTMATTER],
    ['mdx-math', OPT.MDX | OPT.GFM | OPT.MATH | OPT.FRONTMATTER],
  ];
  for (const [dir, options] of parts) {
    const full = path.join(corpusDir, dir);
    if (!fs.existsSync(full)) continue;
    let files = 0;
    let count = 0;
    for (const name of fs.readdirSync(full).sort()) {
      if (!/\.mdx?$/.test(name)) continue;
      files++;
      for (const piece of pieces(fs.readFileSync(path.join(full, name)))) {
        writeSeed(options, piece);
        count++;
      }
    }
    console.log(`seeds: ${count} pieces of ${files} files in ${full}`);
  }
} else {
  console.log(`seeds: no corpus at ${corpusDir}, skipped`);
}
console.log(`seeds: ${written} written to ${outDir}`);
