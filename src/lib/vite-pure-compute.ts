/**
 * A Vite plugin that tells the bundler src/compute (the maths room) has no side effects on import.
 *
 * Islands import the maths through one surface, src/compute/index.ts. Without this, the bundler
 * must keep every module behind that index whose top level it cannot prove pure (tables built by
 * calling a function, for instance), so an island's chunks carry maths it never calls: the feature
 * maps' own code was 26.9 KB gzip with it, 23.7 KB without.
 *
 * Scoped to src/compute on purpose: an island's .tsx imports its CSS for the side effect, so
 * declaring the whole project pure (package.json "sideEffects") drops and reorders stylesheets.
 * A compute module that must register something (tf/wasm-conv-grad.ts) does it in a function its
 * caller runs, never on import.
 */
import type { Plugin } from 'vite';

const COMPUTE = /\/src\/compute\/.+\.ts$/;

export function pureCompute(): Plugin {
  return {
    name: 'pure-compute',
    enforce: 'post',
    transform(code, id) {
      if (!COMPUTE.test(id.split('?')[0] ?? '')) return null;
      // map: null keeps the source map of the transforms before this one: the code is unchanged.
      return { code, map: null, moduleSideEffects: false };
    },
  };
}
