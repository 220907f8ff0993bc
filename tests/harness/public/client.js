// Stands in for https://giscus.app/client.js in the e2e tests (tests/e2e/comments.spec.ts). Like the
// real one, it reads its own script tag and puts a frame with class giscus-frame after it; the frame
// records the messages it receives in window.__giscusMessages and, once running, messages the page
// as giscus's frame does.
(() => {
  const script = document.currentScript;
  window.__giscusLoaded = { ...script.dataset };
  window.__giscusRuns = (window.__giscusRuns ?? 0) + 1;
  window.__giscusMessages = [];
  const frame = document.createElement('iframe');
  frame.className = 'giscus-frame';
  frame.title = 'Comments';
  frame.srcdoc = `<!doctype html><title>giscus stub</title><p>Stub thread</p><script>
    addEventListener('message', (event) => parent.__giscusMessages.push(event.data));
    parent.__giscusFrameReady = true;
    parent.postMessage({ giscus: { resizeHeight: 150 } }, '*');
  <\/script>`;
  const holder = document.createElement('div');
  holder.className = 'giscus';
  holder.append(frame);
  script.insertAdjacentElement('afterend', holder);
})();
