/** /social.png: the site-wide Open Graph / Twitter card (home, About, tag pages). */
import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_TITLE, SITE_URL, BASE_PATH } from '../consts';
import { displayAddress } from '../lib/site-address';
import { socialImage } from '../lib/social-image';

export const GET: APIRoute = async () => {
  const png = await socialImage({
    title: SITE_TITLE,
    subtitle: SITE_DESCRIPTION,
    siteTitle: SITE_TITLE,
    siteUrlHost: displayAddress({ site: SITE_URL, base: BASE_PATH }),
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
