/**
 * Loads giscus's comments only when the reader comes near them (or presses "Load comments"), so a
 * page makes no request to giscus until then. Plain TypeScript: there is no state worth a component.
 * The site's theme drives giscus's: the theme at load time goes into the script tag, and a later
 * change (the header's toggle sets `<html data-theme>`) is posted to the giscus frame.
 * The container's data-giscus-state says how far it got: waiting, loaded (script added), ready
 * (the giscus frame has messaged the page).
 */
import {
  giscusFromDataset,
  giscusScriptAttributes,
  giscusTheme,
  giscusThemeMessage,
  type GiscusTheme,
} from '../../lib/comments';

export interface MountOptions {
  /** How far outside the viewport loading starts; generous, so the thread is there when reached. */
  rootMargin?: string;
}

const mounted = new WeakMap<HTMLElement, () => void>();

/**
 * Watches `container` (rendered by Comments.astro) and appends giscus's script once it is near the
 * viewport or its "Load comments" button is pressed. A container is mounted once: a second call
 * returns the first call's cleanup, which stops every observer and listener (a thread already
 * loaded stays).
 */
export function mountGiscusWhenNear(container: HTMLElement, options: MountOptions = {}): () => void {
  const existing = mounted.get(container);
  if (existing) return existing;

  const { config, term } = giscusFromDataset(container.dataset);
  const root = document.documentElement;
  const button = container.querySelector<HTMLButtonElement>('[data-giscus-load]');
  let nearObserver: IntersectionObserver | undefined;
  let themeObserver: MutationObserver | undefined;
  let loadedTheme: GiscusTheme | undefined;

  const currentTheme = () => giscusTheme(root.dataset['theme']);
  const frame = () => container.querySelector<HTMLIFrameElement>('iframe.giscus-frame');
  const postTheme = (theme: GiscusTheme) =>
    frame()?.contentWindow?.postMessage(giscusThemeMessage(theme), config.origin);

  // The frame ignores messages until its app runs, and says it runs by messaging the page (giscus
  // sizes its frame that way). A theme change made before then waits for it.
  let frameRunning = false;
  let pendingTheme: GiscusTheme | undefined;
  const onFrameMessage = (event: MessageEvent) => {
    if (event.origin !== config.origin || event.source !== frame()?.contentWindow) return;
    if (!(typeof event.data === 'object' && event.data !== null && 'giscus' in event.data)) return;
    removeEventListener('message', onFrameMessage);
    frameRunning = true;
    container.dataset['giscusState'] = 'ready';
    if (pendingTheme !== undefined && pendingTheme !== loadedTheme) postTheme(pendingTheme);
  };

  const load = () => {
    if (loadedTheme !== undefined) return;
    loadedTheme = currentTheme();
    nearObserver?.disconnect();
    const script = document.createElement('script');
    for (const [name, value] of Object.entries(giscusScriptAttributes(config, loadedTheme, term)))
      script.setAttribute(name, value);
    script.async = true;
    if (button) {
      // Whoever was on the button (a keyboard reader, or one whose Tab scrolled it into loading)
      // stays in the comments instead of falling back to the top of the page.
      const focused = document.activeElement === button;
      button.remove();
      if (focused) {
        container.tabIndex = -1;
        container.focus({ preventScroll: true });
      }
    }
    container.append(script);
    container.dataset['giscusState'] = 'loaded';
    addEventListener('message', onFrameMessage);
    themeObserver = new MutationObserver(() => {
      const theme = currentTheme();
      script.dataset['theme'] = theme; // read by client.js if it has not run yet
      if (frameRunning) postTheme(theme);
      else pendingTheme = theme;
    });
    themeObserver.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  };

  const onClick = () => load();
  if (button) {
    button.addEventListener('click', onClick);
    button.hidden = false;
  }
  if ('IntersectionObserver' in window) {
    nearObserver = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), {
      rootMargin: options.rootMargin ?? '600px 0px',
    });
    nearObserver.observe(container);
  }
  container.dataset['giscusState'] = 'waiting';

  const cleanup = () => {
    nearObserver?.disconnect();
    themeObserver?.disconnect();
    button?.removeEventListener('click', onClick);
    removeEventListener('message', onFrameMessage);
  };
  mounted.set(container, cleanup);
  return cleanup;
}
