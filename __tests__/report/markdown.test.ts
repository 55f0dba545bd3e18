import {describe, expect, it} from '@jest/globals'
import {marked} from 'marked'
import {code, codeBlock, escape, escapeHtml, table} from '../../src/report/markdown.js'
import {lineRanges} from '../../src/report/format.js'

/** What GitHub-flavoured markdown makes of `md` (marked follows the GFM spec closely enough). */
function html(md: string): string {
  return marked.parse(md, {gfm: true, async: false})
}

const ZWJ = '\u200d'
const ZWSP = '\u200b'

describe('escape', () => {
  it.each([
    ['a|b|c', 'a\\|b\\|c'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['@octocat please', `@${ZWJ}octocat please`],
    ['fixes #12 and org/repo#3', `fixes #${ZWJ}12 and org/repo#${ZWJ}3`],
    ['**bold** [link](x) ![img](y)', '\\*\\*bold\\*\\* \\[link\\](x) !\\[img\\](y)'],
    ['_em_ and __strong__ but Test_parse_URL', '\\_em\\_ and \\_\\_strong\\_\\_ but Test_parse_URL'],
    ['+ item', '\\+ item'],
    ['see http://evil.example and www.evil.example', `see http:/${ZWSP}/evil.example and www${ZWSP}.evil.example`],
    ['line\nbreak\r\nand\rcr', 'line break and cr'],
    ['# heading', `\\#${ZWJ} heading`],
    ['- item', '\\- item'],
    ['12. item', '12\\. item'],
    ['=== ', '\\=== '],
    ['1.22.12 and go-1', '1.22.12 and go-1'],
    ['a & b', 'a &amp; b'],
    ['`code`', '\\`code\\`'],
    ['~~strike~~', '\\~\\~strike\\~\\~'],
    ['name\u202etxt.go', 'nameU+202Etxt.go']
  ])('escapes %p', (text, expected) => {
    expect(escape(text)).toBe(expected)
  })

  it.each([
    ['an image', '![x](https://evil.example/p.png)', /<img/],
    ['a link', '[click](https://evil.example)', /<a /],
    ['raw HTML', '<script>alert(1)</script>', /<script/],
    ['an autolink', 'https://evil.example/x', /<a /],
    ['an e-mail autolink', 'me@evil.example', /<a /],
    ['emphasis', '*shout* __loud__', /<(em|strong)>/],
    ['a heading', '# Title', /<h1/],
    ['a list', '- a', /<li>/],
    ['a quote', '> quoted', /<blockquote>/],
    ['intraword emphasis', 'a*b*c and x_y_z_', /<(em|strong)>/],
    ['a plus list', '+ a', /<li>/],
    ['a link reference', '[x]\n\n[x]: https://evil.example', /<a /]
  ])('leaves no trace of %s once rendered', (_what, text, forbidden) => {
    expect(html(escape(text))).not.toMatch(forbidden)
    expect(html(`| a |\n| - |\n| ${escape(text)} |`)).not.toMatch(forbidden)
  })

  // The summary's first line and e-mail notifications are read raw: what is not markdown stays as written.
  it.each([
    'Statement coverage dropped 8.4 points against the baseline (87.6% to 79.2%); the largest drop allowed is 0.5 points (and 1 more problem).',
    'Go 1.22.12 failed: 1 test failed (TestParse_URL/with_port).',
    'go.mod requires go >= 1.21!',
    'issue #12: 3 + 4 = 7 {ok}'
  ])('leaves plain text plain: %p', text => {
    const escaped = escape(text)
    expect(escaped.replace(/\u200d/g, '').replace(/&gt;/g, '>')).toBe(text)
    expect(html(escaped).replace(/\u200d/g, '')).toBe(`<p>${text.replace(/>/g, '&gt;')}</p>\n`)
  })

  it('keeps a table row whole whatever the cell holds', () => {
    const hostile = 'a | b\n| c | d |\n\nafter'
    const rendered = html(table(['name', 'n'], [[escape(hostile), '1']]))
    expect(rendered.match(/<tr>/g)).toHaveLength(2)
    expect(rendered).toMatch(/<td[^>]*>a \| b \| c \| d \| +after<\/td>/)
  })
})

describe('escapeHtml', () => {
  it.each([
    ['<b>"x"</b> & \'y\'', '&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; &#39;y&#39;'],
    ['Test_a*b*', 'Test_a*b*'],
    ['@team', `@${ZWJ}team`],
    ['a\nb', 'a b']
  ])('escapes %p for raw HTML', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected)
  })

  it('cannot close the summary or the details it sits in', () => {
    const rendered = html(`<details><summary>${escapeHtml('</summary></details><img src=x>')}</summary>\n\nbody\n\n</details>`)
    expect(rendered).not.toContain('<img')
    expect(rendered.match(/<\/details>/g)).toHaveLength(1)
  })
})

describe('code', () => {
  it.each([
    ['plain', {}, '`plain`'],
    ['a`b', {}, '``a`b``'],
    ['`edge`', {}, '`` `edge` ``'],
    ['a|b', {cell: true}, '`a\\|b`'],
    ['a|b', {}, '`a|b`'],
    ['two\nlines', {}, '`two lines`']
  ])('spans %p', (text, options, expected) => {
    expect(code(text, options)).toBe(expected)
  })

  it('shows a pipe in a table cell as a pipe, in one cell', () => {
    const rendered = html(table(['file'], [[code('x|y.go', {cell: true})]]))
    expect(rendered).toContain('<code>x|y.go</code>')
    expect(rendered.match(/<td/g)).toHaveLength(1)
  })
})

describe('codeBlock', () => {
  it('lengthens the fence past any backticks in the text', () => {
    expect(codeBlock('a ``` b')).toBe('````\na ``` b\n````')
  })

  it('cannot be closed early by output holding fences, HTML or a lone CR', () => {
    const output = 'before\n```\n</details>\n<img src=x>\r```` after\n~~~\nend\n'
    const rendered = html(`<details><summary>t</summary>\n\n${codeBlock(output)}\n\n</details>`)
    expect(rendered.match(/<pre>/g)).toHaveLength(1)
    expect(rendered).not.toContain('<img')
    expect(rendered).toContain('&lt;/details&gt;')
    expect(rendered).toContain('end')
  })

  it('drops ANSI colour codes', () => {
    expect(codeBlock('\x1b[31mFAIL\x1b[0m x')).toBe('```\nFAIL x\n```')
  })
})

describe('lineRanges', () => {
  it.each([
    [[], ''],
    [[7], '7'],
    [[3, 4, 5, 9], '3–5, 9'],
    [[9, 3, 4, 4, 5], '3–5, 9'],
    [[1, 3, 5], '1, 3, 5']
  ])('%p reads %p', (lines, expected) => {
    expect(lineRanges(lines)).toBe(expected)
  })
})
