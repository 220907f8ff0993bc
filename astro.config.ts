import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import { rehypeKatex } from './src/lib/rehype-katex.ts';
import { remarkCitations } from './src/lib/remark-citations.ts';
import { remarkLiveExamples } from './src/lib/remark-live-examples.ts';
import { rehypeMathScroll } from './src/lib/rehype-math-scroll.ts';
import { mdxHabits } from './src/lib/vite-mdx-habits.ts';
import { pureCompute } from './src/lib/vite-pure-compute.ts';
import { remarkDemoProps } from './src/lib/remark-demo-props.ts';
import { remarkExternalMedia } from './src/lib/remark-external-media.ts';
import { rehypeKatexFonts } from './src/lib/rehype-katex-fonts.ts';
import { rehypeMathSearch } from './src/lib/rehype-math-search.ts';
import { rehypeBaseLinks } from './src/lib/rehype-base-links.ts';
import { BASE_PATH, CITATION_STYLE, EMBED_HOSTS, SITE_URL } from './src/consts.ts';

// Astro 7's default Markdown processor runs no remark/rehype plugins: the unified processor does,
// and MDX inherits it. SmartyPants is off so the article's quotes and apostrophes stay as written.
export default defineConfig({
  site: SITE_URL,
  // '/' or '/blog/' (BASE_PATH): pages, assets and import.meta.env.BASE_URL all live under it.
  base: BASE_PATH,
  trailingSlash: 'ignore',
  // mdxHabits first: it names Jekyll habits (file, line, what to write) before MDX reads the post.
  // preact()'s Babel pass only where there is JSX: by default it re-prints every .ts file too
  // (265 modules, about 3 s of a build), which changes nothing in them.
  integrations: [mdxHabits(), mdx({ optimize: true }), preact({ include: [/\.[jt]sx$/] }), sitemap()],
  // src/compute is pure: islands' chunks keep only the maths they call (src/lib/vite-pure-compute.ts).
  vite: { plugins: [pureCompute()] },
  markdown: {
    // Code in both themes: light colours inline (readable anywhere, feeds included), dark ones as
    // CSS variables that src/styles/code.css switches to.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark-default' } },
    processor: unified({
      smartypants: false,
      remarkPlugins: [
        remarkLiveExamples,
        remarkMath,
        [remarkCitations, { style: CITATION_STYLE }],
        remarkDemoProps,
        [remarkExternalMedia, { hosts: EMBED_HOSTS }],
      ],
      rehypePlugins: [
        [rehypeBaseLinks, { base: BASE_PATH }],
        rehypeKatex,
        rehypeKatexFonts,
        rehypeMathSearch,
        rehypeMathScroll,
      ],
    }),
  },
});
