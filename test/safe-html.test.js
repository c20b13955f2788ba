'use strict'
// toHtml is safe by default, as micromark is: raw HTML is escaped and URLs with unsafe
// protocols (javascript:, vbscript:, file:, data: ...) become empty. Each vector must
// match micromark's default output exactly, and contain nothing executable.
const assert = require('node:assert/strict')
const mdx = require('..')

const vectors = [
  '<script>alert(1)</script>',
  'a <img src=x onerror=alert(1)> b',
  '<div onclick="alert(1)">\n\nhi\n\n</div>',
  '<!-- comment --> and <?php echo 1 ?>',
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](java&#115;cript:alert(1))',
  '[x](&#x6A;avascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](vbscript:msgbox(1))',
  '[x](file:///etc/passwd)',
  '[x](data:text/html;base64,PHNjcmlwdD4=)',
  '![x](data:image/png;base64,AAAA)',
  '![x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '[x]: javascript:alert(1)\n\n[x] and [y][x] and ![x]',
  '[x](/u "a\\"onmouseover=alert(1)")',
  '![a "quote" <b>](/i.png \'t"\')',
  '[x](https://example.com/?a=1&b=<2>) and [m](mailto:a@b.c)',
  '[x](java\u0001script:alert(1))',
  '[x](/relative/path) and [y](#frag) and [z](?q)'
]

const md = {format: 'md', gfm: false, math: false, frontmatter: false}

describe('HTML: safe by default (as micromark)', () => {
  let micromark
  before(async () => {
    ;({micromark} = await import('micromark'))
  })

  for (const source of vectors) {
    it(JSON.stringify(source), () => {
      const html = mdx.toHtml(source, md)
      assert.equal(html, micromark(source))
      assert.doesNotMatch(html, /<script|<img[^>]*onerror|<div|<[^>]*onclick=|href="\s*(javascript|vbscript|file|data):/i)
    })
  }

  it('allowDangerousHtml passes raw HTML through, as micromark does', () => {
    const source = 'a <b class="x">c</b>\n\n<div>\n*hi*\n</div>'
    assert.equal(mdx.toHtml(source, {...md, allowDangerousHtml: true}), micromark(source, {allowDangerousHtml: true}))
  })

  it('allowDangerousProtocol keeps javascript: URLs, as micromark does', () => {
    const source = '[x](javascript:alert(1))'
    const html = mdx.toHtml(source, {...md, allowDangerousProtocol: true})
    assert.equal(html, micromark(source, {allowDangerousProtocol: true}))
    assert.match(html, /href="javascript:alert\(1\)"/)
  })
})
