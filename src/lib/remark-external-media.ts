/**
 * Fails the build on a picture or frame from another site that the page's security policy would
 * block (it would show nothing), naming the file, the line, the address and what to do; every one
 * of the file in one error. Hosts on the allow-list (src/lib/external-media.ts) pass, and
 * scripts/csp.ts admits them on the pages that use them.
 */
import type { Definition, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { blockedMediaMessage, externalOrigin, type MediaKind } from './external-media';
import { throwProblems, where } from './where';

const JSX_MEDIA: Record<string, MediaKind> = {
  img: 'picture',
  iframe: 'frame',
  video: 'picture',
  audio: 'picture',
  source: 'picture',
};

export interface RemarkExternalMediaOptions {
  /** Hosts whose pictures and frames are allowed ("example.org"). */
  hosts?: readonly string[];
}

export function remarkExternalMedia(options: RemarkExternalMediaOptions = {}) {
  const hosts = (options.hosts ?? []).map((h) => h.toLowerCase());
  return (tree: Root, file: VFile): void => {
    const problems: string[] = [];
    const check = (kind: MediaKind, url: string, node: Node) => {
      const origin = externalOrigin(url);
      if (!origin || hosts.includes(origin.host.toLowerCase())) return;
      problems.push(`${where(file, node)}: ${blockedMediaMessage(kind, url, origin.host)}`);
    };
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      definitions.set(node.identifier, node);
    });
    visit(tree, (node) => {
      if (node.type === 'image') check('picture', node.url, node);
      else if (node.type === 'imageReference') {
        const definition = definitions.get(node.identifier);
        if (definition) check('picture', definition.url, node);
      } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const element = node as MdxJsxFlowElement | MdxJsxTextElement;
        const kind = element.name ? JSX_MEDIA[element.name] : undefined;
        const src = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'src');
        if (kind && src && typeof src.value === 'string') check(kind, src.value, node);
      }
    });
    throwProblems(file, problems, 'pictures or frames from other sites');
  };
}
