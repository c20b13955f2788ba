'use strict'
// Loads the compiled addon (built by node-gyp on install).

const path = require('node:path')

function load() {
  const root = path.join(__dirname, '..')
  const tried = []
  for (const dir of ['Release', 'Debug']) {
    const file = path.join(root, 'build', dir, 'omni_mdx.node')
    try {
      return require(file)
    } catch (error) {
      if (error.code !== 'MODULE_NOT_FOUND') throw error
      tried.push(file)
    }
  }
  const error = new Error(
    `omni-mdx: the native addon is not built (looked for ${tried.join(', ')}); run \`npm install\` or \`npm run build\``
  )
  error.code = 'ERR_OMNI_MDX_NOT_BUILT'
  throw error
}

module.exports = load()
