const mdx = require('../..');
const {randomExtended} = require('../helpers/random-extensions.js')
const reference = require('../helpers/reference.js')
const options = {format: 'md', gfm: true, math: true, frontmatter: true}
;(async () => {
  const ref = await reference.load()
  const s = process.argv[2].startsWith('=') ? JSON.parse(process.argv[2].slice(1)) : randomExtended(+process.argv[2])
  console.log(JSON.stringify(s))
  const a = JSON.stringify(mdx.parse(s, options), null, 1).split('\n'), b = JSON.stringify(ref.tree(s, options), null, 1).split('\n')
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) { console.log('first diff at line', i); console.log('ours:', a.slice(Math.max(0,i-15), i+8).join('\n')); console.log('ref:', b.slice(Math.max(0,i-15), i+8).join('\n')); break }
})()
