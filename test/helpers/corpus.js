'use strict'
// The shared corpus (../shared/corpus beside the checkout) is referenced, never copied.
const fs = require('node:fs')
const path = require('node:path')

const CORPUS = process.env.OMNI_MDX_CORPUS || path.join(__dirname, '..', '..', '..', 'shared', 'corpus')

/** Files of a corpus folder, or null when the corpus is absent. */
function corpusFiles(folder) {
  const dir = path.join(CORPUS, folder)
  if (!fs.existsSync(dir)) return null
  return fs.readdirSync(dir).sort().map((name) => ({name, file: path.join(dir, name)}))
}

module.exports = {CORPUS, corpusFiles}
