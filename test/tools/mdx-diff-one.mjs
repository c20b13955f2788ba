import {createRequire} from 'node:module'
import {referenceMdx} from '../helpers/mdx-reference.mjs'
const require = createRequire(import.meta.url)
const {randomMdx} = require('../helpers/random-mdx-mixed.js')
const mdx = require('../..')
for (const arg of process.argv.slice(2)) {
  const s = arg.startsWith('=') ? JSON.parse(arg.slice(1)) : randomMdx(+arg)
  let ref, refErr, ours, ourErr
  try { ref = JSON.stringify(referenceMdx(s), null, 1) } catch (e) { refErr = `${e.line}:${e.column} ${e.reason}` }
  try { ours = JSON.stringify(mdx.parse(s), null, 1) } catch (e) { ourErr = `${e.line}:${e.column} ${e.reason}` }
  console.log('##', arg, JSON.stringify(s).slice(0, 300))
  if (refErr || ourErr) { console.log('  ref:', refErr || 'ok'); console.log('  ours:', ourErr || 'ok'); continue }
  const a = ours.split('\n'), b = ref.split('\n')
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) { console.log('  tree diff line', i, '\n  ours:', a.slice(i - 3, i + 3).join('|'), '\n  ref :', b.slice(i - 3, i + 3).join('|')); break }
}
