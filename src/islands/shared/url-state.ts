/**
 * Each demo instance keeps its state in the page's address, under its own key, so that a link
 * restores the exact figure and several demos (and ordinary anchors) share one fragment.
 *
 * Format of the fragment:   #[anchor][&key=fields]…
 *   #the-stepper&stepper-1=v:1~s:2~p:same~x:1,0,1,0&playground-1=v:1~k:sobel-x
 * - entries are separated by "&"; an entry without "=" is an ordinary anchor (the first one is
 *   kept, first, so heading links keep working: scrollToLinkedFigure scrolls to it);
 * - key: a demo's instance key (src/mdx/instance.ts), letters, digits and hyphens;
 * - fields: name:value pairs joined by "~"; names are letters and digits; values keep
 *   [A-Za-z0-9.,_-] as is and percent-encode anything else;
 * - the field "v" is the demo's format version: a link from another version is "stale".
 * A demo's codec (UrlCodec) turns its state into fields and checks fields it reads back; anything
 * malformed or stale gives the default state and a sentence, never a broken demo.
 * Pure functions except scrollToLinkedFigure (DOM); the hook is use-url-state.ts.
 */

export interface Fragment {
  anchor: string | null;
  states: Map<string, string>;
}

const KEY = /^[A-Za-z][A-Za-z0-9-]*$/;
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

export function parseFragment(hash: string): Fragment {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const states = new Map<string, string>();
  let anchor: string | null = null;
  for (const entry of text.split('&')) {
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    if (eq < 0) {
      anchor ??= entry;
      continue;
    }
    const key = entry.slice(0, eq);
    if (KEY.test(key)) states.set(key, entry.slice(eq + 1));
  }
  return { anchor, states };
}

export function formatFragment({ anchor, states }: Fragment): string {
  const entries = [...(anchor ? [anchor] : []), ...[...states].map(([k, v]) => `${k}=${v}`)];
  return entries.length === 0 ? '' : `#${entries.join('&')}`;
}

/** The fragment with one demo's state set (or removed, for null), the others left as they were. */
export function setFragmentState(hash: string, key: string, value: string | null): string {
  const fragment = parseFragment(hash);
  if (value === null) fragment.states.delete(key);
  else fragment.states.set(key, value);
  return formatFragment(fragment);
}

const encodeValue = (v: string) =>
  v.replace(/[^A-Za-z0-9.,_-]/gu, (c) =>
    c === '~'
      ? '%7E'
      : encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`),
  );

export function encodeFields(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([name, value]) => `${name}:${encodeValue(value)}`)
    .join('~');
}

/** Fields of an encoded state, or null if the text is not name:value pairs. */
export function decodeFields(text: string): Record<string, string> | null {
  const fields: Record<string, string> = {};
  for (const pair of text.split('~')) {
    const colon = pair.indexOf(':');
    if (colon < 1) return null;
    const name = pair.slice(0, colon);
    if (!NAME.test(name) || name in fields) return null;
    try {
      fields[name] = decodeURIComponent(pair.slice(colon + 1));
    } catch {
      return null;
    }
  }
  return fields;
}

export type Decoded<S> = { ok: true; value: S } | { ok: false; message: string };

/** How one kind of demo writes its state into fields and reads it back, checking every field. */
export interface UrlCodec<S> {
  /** Bump when the fields change meaning: older links are then reported as stale. */
  version: number;
  encode: (state: S) => Record<string, string>;
  /** The state, or a sentence saying which field is wrong (and why), in plain words. */
  decode: (fields: Record<string, string>) => Decoded<S>;
}

export function encodeState<S>(codec: UrlCodec<S>, state: S): string {
  return encodeFields({ v: String(codec.version), ...codec.encode(state) });
}

export type ReadResult<S> =
  { kind: 'absent' } | { kind: 'ok'; state: S } | { kind: 'problem'; message: string };

const DEFAULT = 'so the figure shows its usual example instead.';

/** This demo's state in `hash`, if any; never throws. */
export function readState<S>(hash: string, key: string, codec: UrlCodec<S>): ReadResult<S> {
  const text = parseFragment(hash).states.get(key);
  if (text === undefined) return { kind: 'absent' };
  const fields = decodeFields(text);
  if (fields === null) {
    return { kind: 'problem', message: `The link’s settings for this figure could not be read, ${DEFAULT}` };
  }
  if (fields.v !== String(codec.version)) {
    return {
      kind: 'problem',
      message: `The link was made for another version of this figure, ${DEFAULT}`,
    };
  }
  const { v: _version, ...rest } = fields;
  const decoded = codec.decode(rest);
  if (!decoded.ok) {
    return { kind: 'problem', message: `The link does not fit this figure: ${decoded.message} ${DEFAULT}` };
  }
  return { kind: 'ok', state: decoded.value };
}

/**
 * On page load: if the address holds a demo's state, scroll that demo's figure (the element whose
 * id is the instance key) into view; if it holds an ordinary anchor too, scroll to the anchor as
 * the browser would have. Called once by the wrappers' page script, before any island loads.
 */
export function scrollToLinkedFigure(doc: Document = document): void {
  const { anchor, states } = parseFragment(doc.location.hash);
  if (states.size === 0) return;
  const target =
    (anchor ? doc.getElementById(decodeURIComponent(anchor)) : null) ??
    [...states.keys()].map((k) => doc.getElementById(k)).find((el) => el !== null);
  target?.scrollIntoView({ block: anchor ? 'start' : 'center' });
}
