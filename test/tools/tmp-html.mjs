import {micromark} from 'micromark'
import {mdxjs} from 'micromark-extension-mdxjs'
import {gfm, gfmHtml} from 'micromark-extension-gfm'
import {math, mathHtml} from 'micromark-extension-math'
import {frontmatter, frontmatterHtml} from 'micromark-extension-frontmatter'
import {createRequire} from 'node:module'
import {readFileSync} from 'node:fs'
const require = createRequire(import.meta.url)
const mdx = require('/work/wt-mdx/lib/index.js')
const cases = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(l => l.replace(/\\n/g, '\n').replace(/\\t/g, '\t'))
let same = 0
for (const src of cases) {
  let a, b
  try { a = mdx.toHtml(src) } catch (e) { a = 'ERR ' + e.message }
  try { b = micromark(src, {extensions: [mdxjs(), gfm(), math(), frontmatter(['yaml','toml'])], htmlExtensions: [gfmHtml(), mathHtml(), frontmatterHtml(['yaml','toml'])]}) } catch (e) { b = 'ERR ' + e.message }
  if (a === b) same++; else console.log('DIFF', JSON.stringify(src), '\n ours', JSON.stringify(a), '\n ref ', JSON.stringify(b))
}
console.log(`${same}/${cases.length}`)
