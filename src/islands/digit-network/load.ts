/**
 * What the island fetches from the site, every address under the site's base path: the pretrained
 * weights at once (25 KB: drawing works without TensorFlow.js, the forward pass is src/compute's
 * reference), the digits only when the reader asks for a test digit or trains (1.1 MB, cached).
 */
import {
  DIGIT_MODEL_URL,
  DIGITS_HEADER_URL,
  DIGITS_URL,
  fetchedDigits,
  parseDigits,
  weightsFromLayersModel,
  type DigitSet,
  type DigitsHeader,
  type DigitWeights,
  type LayersModelJson,
} from '../../compute';
import { siteUrl } from '../shared/site-url';

export { siteUrl };

async function get(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} could not be fetched (${response.status})`);
  return response;
}

export async function loadPretrained(): Promise<DigitWeights> {
  const jsonUrl = siteUrl(DIGIT_MODEL_URL);
  const json = (await (await get(jsonUrl)).json()) as LayersModelJson;
  const file = json.weightsManifest[0]?.paths[0] ?? 'weights.bin';
  const bin = new Uint8Array(
    await (await get(new URL(file, new URL(jsonUrl, location.href)).href)).arrayBuffer(),
  );
  return weightsFromLayersModel(json, bin);
}

let digits: Promise<DigitSet> | null = null;

export function loadDigits(): Promise<DigitSet> {
  digits ??= (async () => {
    const [bytes, header] = await Promise.all([
      get(siteUrl(DIGITS_URL)).then(async (r) => fetchedDigits(new Uint8Array(await r.arrayBuffer()))),
      get(siteUrl(DIGITS_HEADER_URL)).then(async (r) => (await r.json()) as DigitsHeader),
    ]);
    return parseDigits(bytes, header);
  })();
  digits.catch(() => (digits = null));
  return digits;
}
