/**
 * Mounts the giscus loader on the harness's comments container, with this page's origin in place of
 * giscus.app so that the stub public/client.js is what loads. `?io=off` removes
 * IntersectionObserver first (the "Load comments" button is then the only way in); `?theme=dark`
 * sets the site theme before mounting.
 */
import { mountGiscusWhenNear } from '../../src/islands/comments/giscus';
import { giscusAttributes } from '../../src/lib/comments';

const params = new URLSearchParams(location.search);
if (params.get('io') === 'off') Reflect.deleteProperty(window, 'IntersectionObserver');
const theme = params.get('theme');
if (theme) document.documentElement.dataset['theme'] = theme;

const container = document.querySelector<HTMLElement>('[data-testid="comments"]');
if (!container) throw new Error('comments harness: no container');
const attributes = giscusAttributes({
  repo: 'octocat/blog-comments',
  repoId: 'R_test',
  category: 'Comments',
  categoryId: 'DIC_test',
  mapping: 'pathname',
  origin: location.origin,
});
for (const [name, value] of Object.entries(attributes)) container.setAttribute(name, value);
mountGiscusWhenNear(container);
// A second mount is a no-op: the spec checks that only one script is ever added.
mountGiscusWhenNear(container);
