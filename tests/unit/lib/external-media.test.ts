/**
 * Pictures and frames from other sites: blocked ones fail the build with a sentence (file, line,
 * address, what to do), allowed hosts pass and are admitted by that page's policy only.
 */
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { policy } from '~/lib/csp';
import { embedHosts, embedOrigins } from '~/lib/external-media';
import { remarkExternalMedia } from '~/lib/remark-external-media';

function run(mdx: string, hosts: string[] = []): Root {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkExternalMedia, { hosts });
  const file = new VFile({ value: mdx, path: '/site/content/posts/p/index.mdx', cwd: '/site' });
  return processor.runSync(processor.parse(file), file) as Root;
}

describe('external pictures and frames in a post', () => {
  test('a picture from another site fails with the file, the line and what to do', () => {
    expect(() =>
      run('Text.\n\n![A cover](https://example.org/cover.png)\n'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/posts/p/index.mdx:3: the picture https://example.org/cover.png is on another site (example.org), and the page's security policy shows pictures from this site only, so readers would see nothing. Download it into the post's folder and write ![description](./name.png), or allow the host: add "example.org" to EMBED_HOSTS in src/consts.ts.]`,
    );
  });

  test('frames, <img> tags and reference-style pictures are caught too, all in one error', () => {
    const mdx =
      '<iframe src="https://www.youtube.com/embed/x" />\n\n<img src="//cdn.example.net/a.png" />\n\n![B][b]\n\n[b]: http://example.com/b.gif\n';
    expect(() => run(mdx)).toThrowErrorMatchingInlineSnapshot(`
      [Error: 3 pictures or frames from other sites in content/posts/p/index.mdx:
      content/posts/p/index.mdx:1: the frame https://www.youtube.com/embed/x is on another site (www.youtube.com), and the page's security policy blocks frames from other sites, so readers would see nothing. Link to it instead ([Watch it on www.youtube.com](https://www.youtube.com/embed/x)), or allow the host: add "www.youtube.com" to EMBED_HOSTS in src/consts.ts.
      content/posts/p/index.mdx:3: the picture //cdn.example.net/a.png is on another site (cdn.example.net), and the page's security policy shows pictures from this site only, so readers would see nothing. Download it into the post's folder and write ![description](./name.png), or allow the host: add "cdn.example.net" to EMBED_HOSTS in src/consts.ts.
      content/posts/p/index.mdx:5: the picture http://example.com/b.gif is on another site (example.com), and the page's security policy shows pictures from this site only, so readers would see nothing. Download it into the post's folder and write ![description](./name.png), or allow the host: add "example.com" to EMBED_HOSTS in src/consts.ts.]
    `);
  });

  test('allowed hosts, local pictures and links to other sites pass', () => {
    expect(() =>
      run(
        '![A](https://example.org/a.png) ![B](./b.png) [a page](https://other.org/)\n\n<iframe src="https://www.youtube.com/embed/x" />\n',
        ['example.org', 'www.youtube.com'],
      ),
    ).not.toThrow();
  });
});

describe('the allow-list and the page policy', () => {
  test('hosts come from the configuration and EMBED_HOSTS, trimmed, lower case, once each', () => {
    expect(embedHosts(['Example.org'], ' www.youtube.com,example.org ,')).toEqual([
      'example.org',
      'www.youtube.com',
    ]);
    expect(embedHosts([], undefined)).toEqual([]);
  });

  test('a page admits only the allowed origins it uses; code samples showing a tag do not count', () => {
    const html =
      '<p><img src="https://example.org/a.png" alt=""></p><iframe src="https://www.youtube.com/embed/x?a=1&amp;b=2"></iframe>' +
      '<img src="https://not-allowed.org/x.png"><code>&lt;img src="https://example.net/y.png"&gt;</code><img src="/local.png">';
    const embeds = embedOrigins(html, ['example.org', 'www.youtube.com', 'example.net']);
    expect(embeds).toEqual({ images: ['https://example.org'], frames: ['https://www.youtube.com'] });
    expect(policy(['sha256-abc'], [], embeds)).toContain("img-src 'self' data: blob: https://example.org;");
    expect(policy(['sha256-abc'], [], embeds)).toContain('frame-src https://www.youtube.com;');
    expect(policy(['sha256-abc'])).toContain("img-src 'self' data: blob:;");
    expect(policy(['sha256-abc'])).not.toContain('frame-src');
  });
});
