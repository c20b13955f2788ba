import {fromMarkdown} from 'mdast-util-from-markdown'
import {mdxjs} from 'micromark-extension-mdxjs'
import {mdxFromMarkdown} from 'mdast-util-mdx'
import {gfm} from 'micromark-extension-gfm'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {math} from 'micromark-extension-math'
import {mathFromMarkdown} from 'mdast-util-math'
import {frontmatter} from 'micromark-extension-frontmatter'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
const src = process.argv[2].replace(/\\n/g, '\n')
try {
const t = fromMarkdown(src, {extensions: [mdxjs(), gfm(), math(), frontmatter(['yaml', 'toml'])],
  mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown(), mathFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])]})
const strip = (n) => { if (n.data) { delete n.data.estree; if (!Object.keys(n.data).length) delete n.data }
  if (n.attributes) n.attributes.forEach(a => { if (a.data) {delete a.data.estree; if (!Object.keys(a.data).length) delete a.data}; if (a.value && a.value.data) {delete a.value.data.estree; if (!Object.keys(a.value.data).length) delete a.value.data} })
  if (n.children) n.children.forEach(strip) }
strip(t)
const pos = (p) => p ? `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}` : ''
const show = (n, d) => { let s = '  '.repeat(d) + n.type + ' ' + pos(n.position); if ('value' in n) s += ' ' + JSON.stringify(n.value); if ('name' in n) s += ' name=' + JSON.stringify(n.name); if (n.attributes) s += ' attrs=' + JSON.stringify(n.attributes.map(a => [a.type, a.name, a.value, pos(a.position)])); console.log(s); (n.children||[]).forEach(c => show(c, d+1)) }
show(t, 0)
} catch (e) { console.log('ERROR', e.line, e.column, e.place && JSON.stringify(e.place), JSON.stringify(e.reason), e.ruleId, e.source) }
