import type { APIRoute } from 'astro';
import { feedResponse, orgFeedPaths } from '../../../lib/site/feeds.ts';

export const getStaticPaths = orgFeedPaths;
export const GET: APIRoute = ({ site, params }) => feedResponse('atom', { kind: 'org', segment: params.org! }, site!);
