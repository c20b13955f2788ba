'use strict'
// toHtml is safe by default, as micromark is: raw HTML is escaped and URLs with unsafe
// protocols (javascript:, vbscript:, file:, data: ...) become empty. Each vector must
// match micromark's default output exactly, and contain nothing executable.
const assert = require('node:assert/strict')
const mdx = require('..')
const reference = require('./helpers/reference.js')

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
  '[x](/relative/path) and [y](#frag) and [z](?q)',
  // Protocols hidden by case, entities, whitespace, control characters and escapes.
  '[x](JaVaScRiPt:alert(1))',
  '[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  '[x](&#0000106;avascript:alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](jav&#x09;ascript:alert(1))',
  '[x](jav&#13;ascript:alert(1))',
  '[x](<java\tscript:alert(1)>)',
  '[x](javascript\:alert(1))',
  '[x](%6Aavascript:alert(1))',
  '[x](\u0000javascript:alert(1))',
  '[x](<\njavascript:alert(1)>)',
  '[x](java\u200bscript:alert(1))',
  '[x](javascript:alert(1) "title")',
  '[x]: <javascript:alert(1)> "t"\n\n[x]',
  '[x]: vbscript:msgbox(1)\n\n![x]',
  '<JAVASCRIPT:alert(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  '<vbscript:msgbox(1)>',
  '[x](livescript:alert(1)) [y](mocha:alert(1)) [z](ms-its:x)',
  // Attribute breaking through titles, alts and destinations.
  '[x](https://a.b/"onmouseover="alert(1))',
  '![x](x" onerror="alert(1))',
  '[x](<x" onmouseover="y>)',
  '[a](b "t" onload="x")',
  '[a](b \'t" onload="x\')',
  '[a](b (t" onload="x))',
  '![a" onerror="alert(1)](x.png)',
  '![<img src=x onerror=alert(1)>](y.png)',
  '[<script>alert(1)</script>](z)',
  '[x](/u "&quot; onmouseover=&quot;alert(1)")',
  '[ref]: /u \'a" b\'\n\n[ref]',
  // Raw HTML of every kind, escaped by default.
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href=javascript:alert(1)>x</a>',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<object data="javascript:alert(1)">',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<!DOCTYPE html><script>alert(1)</script>',
  'text <b onmouseover="alert(1)">bold</b>',
  '<textarea><script>alert(1)</script></textarea>',
  '> <script>alert(1)</script>\n- <img src=x onerror=alert(1)>',
  '`<script>alert(1)</script>` and ``<img onerror=x>``',
  '```html\n<script>alert(1)</script>\n```',
  '    <script>alert(1)</script>',
  '&lt;script&gt; &#60;script&#62; &#x3C;img src=x onerror=alert(1)&#x3E;'
]

// Math: rendered as mdast-util-math's hast (not KaTeX, docs/differences.md), so only
// safety is checked.
const mathVectors = [
  '$<script>alert(1)</script>$',
  '$$\n<img src=x onerror=alert(1)>\n$$',
  '$$ <script>\n\\href{javascript:alert(1)}{x}\n$$',
  '$\\href{javascript:alert(1)}{x}$ and $\\url{javascript:alert(1)}$'
]

// The same with GFM and frontmatter on: autolink literals, tables, footnotes, tasks.
const gfmVectors = [
  'www.javascript:alert(1).com',
  'javascript:alert(1)@x.com and x@javascript:alert(1)',
  'https://x.com/<script>alert(1)</script>',
  'www.x.com/"onmouseover="alert(1)',
  '| <script> | b |\n| - | - |\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |',
  'a[^1]\n\n[^1]: <script>alert(1)</script> [x](javascript:alert(1))',
  '[^"><script>alert(1)</script>]\n\n[^"><script>alert(1)</script>]: x',
  '- [x] <script>alert(1)</script>\n- [ ] [y](vbscript:x)',
  '~~<script>alert(1)</script>~~ ~[x](javascript:alert(1))~',
  '---\ntitle: <script>alert(1)</script>\n---\n<b onclick=x>'
]

/** Nothing executable: every `<` opens one of the renderer's own tags (raw HTML is
 * escaped) written as `<name( attr="value")*( /)?>` or `</name>`; no attribute is an
 * event handler; no href/src has a dangerous scheme. */
function assertInert(html) {
  const own = /^(?:a|blockquote|br|code|del|em|h[1-6]|hr|img|input|li|ol|p|pre|strong|table|thead|tbody|tr|th|td|ul|sup|section)$/
  const tag = /<(\/?)([a-z0-9]+)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*\/?>/y
  for (const match of html.matchAll(/</g)) {
    tag.lastIndex = match.index
    const found = tag.exec(html)
    assert.ok(found && own.test(found[2]), `not one of the renderer's tags at ${html.slice(match.index, match.index + 30)}`)
    for (const [, name, value] of found[3].matchAll(/\s+([a-z-]+)(?:="([^"]*)")?/g)) {
      assert.doesNotMatch(name, /^on/i, `event handler attribute ${name}`)
      if (name === 'href' || name === 'src') {
        assert.doesNotMatch(value, /^\s*(javascript|vbscript|livescript|mocha|file|data|ms-its):/i, `dangerous URL ${value}`)
      }
    }
  }
}

const md = {format: 'md', gfm: false, math: false, frontmatter: false}

describe('HTML: safe by default (as micromark)', () => {
  let micromark, ref
  before(async () => {
    ;({micromark} = await import('micromark'))
    ref = await reference.load()
  })

  for (const source of vectors) {
    it(JSON.stringify(source), () => {
      const html = mdx.toHtml(source, md)
      assert.equal(html, micromark(source))
      assertInert(html)
    })
  }

  for (const source of mathVectors) {
    it(`math: ${JSON.stringify(source)}`, () => {
      assertInert(mdx.toHtml(source, {format: 'md', math: true}))
    })
  }

  for (const source of gfmVectors) {
    it(`gfm: ${JSON.stringify(source)}`, () => {
      const options = {format: 'md', gfm: true, math: false, frontmatter: true}
      const html = mdx.toHtml(source, options)
      assert.equal(html, ref.html(source, options))
      assertInert(html)
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
