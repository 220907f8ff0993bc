/**
 * The hook that keeps one demo instance's state in the address (format: url-state.ts).
 *
 *   const url = useUrlState({ key: props.instance, codec, state, defaults, onRestore: setState, live: ready });
 *   url.notice  // a sentence when the link could not be used ('' otherwise)
 *   url.link()  // an address that restores this exact figure (for CopyFigureLink)
 *
 * After hydration it reads the fragment once (onRestore gets a valid state), then writes every
 * change with history.replaceState, debounced, merged with the other demos' keys; the default
 * state writes nothing, so an untouched page keeps a clean address.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { encodeState, readState, setFragmentState, type UrlCodec } from './url-state';

export interface UrlStateOptions<S> {
  /** The instance key; no key, no URL state. */
  key: string | undefined;
  codec: UrlCodec<S>;
  state: S;
  defaults: S;
  onRestore: (state: S) => void;
  /** False until the island has hydrated. */
  live: boolean;
  debounceMs?: number;
}

export function useUrlState<S>(options: UrlStateOptions<S>): { notice: string; link: () => string } {
  const { key, codec, state, defaults, live } = options;
  const [notice, setNotice] = useState('');
  const [read, setRead] = useState(false);
  const restore = useRef(options.onRestore);
  restore.current = options.onRestore;
  const encoded = encodeState(codec, state);
  const encodedDefault = encodeState(codec, defaults);

  useEffect(() => {
    if (!live || key === undefined || read) return;
    const result = readState(location.hash, key, codec);
    if (result.kind === 'ok') restore.current(result.state);
    if (result.kind === 'problem') setNotice(result.message);
    setRead(true);
  }, [live, key, read]);

  useEffect(() => {
    if (!live || key === undefined || !read) return undefined;
    const id = setTimeout(() => {
      const hash = setFragmentState(location.hash, key, encoded === encodedDefault ? null : encoded);
      if (hash !== location.hash && !(hash === '' && location.hash === '#')) {
        history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
      }
    }, options.debounceMs ?? 250);
    return () => clearTimeout(id);
  }, [live, key, read, encoded, encodedDefault]);

  useEffect(() => {
    if (notice === '' || encoded === encodedDefault) return;
    setNotice('');
  }, [encoded]);

  return {
    notice,
    link: () => `${location.origin}${location.pathname}${location.search}#${key ?? ''}=${encoded}`,
  };
}
