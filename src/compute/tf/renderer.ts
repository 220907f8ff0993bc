/** What draws WebGL here: a real GPU, or a software rasteriser that is slower than plain loops. */

export interface RendererInfo {
  /** The unmasked renderer string, e.g. "ANGLE (NVIDIA, ...)" or "SwiftShader". */
  renderer: string;
  software: boolean;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE.test(renderer);
}

/** Null where there is no DOM or no WebGL at all. */
export function detectRenderer(): RendererInfo | null {
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (gl === null) return null;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { renderer, software: isSoftwareRenderer(renderer) };
}
