'use strict'
// The reference tools, loaded once (they are ES modules): trees from
// mdast-util-from-markdown and HTML from micromark, with the extensions matching omni's
// options. `await load()` before use.
let modules

async function load() {
  if (modules) return modules
  const [fm, mm, gfm, math, front, mgfm, mmath, mfront] = await Promise.all([
    import('mdast-util-from-markdown'), import('micromark'), import('micromark-extension-gfm'),
    import('micromark-extension-math'), import('micromark-extension-frontmatter'),
    import('mdast-util-gfm'), import('mdast-util-math'), import('mdast-util-frontmatter')
  ])
  const kinds = ['yaml', 'toml']
  /** The micromark and mdast extensions for omni options (extensions on unless false). */
  const extensions = (options = {}) => {
    const syntax = []
    const mdast = []
    const html = []
    if (options.gfm !== false) syntax.push(gfm.gfm()), mdast.push(mgfm.gfmFromMarkdown()), html.push(gfm.gfmHtml())
    if (options.math !== false) syntax.push(math.math()), mdast.push(mmath.mathFromMarkdown()), html.push(math.mathHtml())
    if (options.frontmatter !== false) syntax.push(front.frontmatter(kinds)), mdast.push(mfront.frontmatterFromMarkdown(kinds)), html.push(front.frontmatterHtml(kinds))
    return {syntax, mdast, html}
  }
  modules = {
    /** The reference mdast for `source` parsed as Markdown with omni's `options`. */
    tree(source, options) {
      const {syntax, mdast} = extensions(options)
      return fm.fromMarkdown(source, {extensions: syntax, mdastExtensions: mdast})
    },
    /** micromark's HTML with omni's `options` (allowDangerousHtml, allowDangerousProtocol too). */
    html(source, options = {}) {
      const {syntax, html} = extensions(options)
      return mm.micromark(source, {
        extensions: syntax,
        htmlExtensions: html,
        allowDangerousHtml: Boolean(options.allowDangerousHtml),
        allowDangerousProtocol: Boolean(options.allowDangerousProtocol)
      })
    }
  }
  return modules
}

module.exports = {load}
