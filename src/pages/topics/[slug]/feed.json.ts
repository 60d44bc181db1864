import type { APIRoute } from 'astro';
import { feedResponse, topicFeedPaths } from '../../../lib/site/feeds.ts';

export const getStaticPaths = topicFeedPaths;
export const GET: APIRoute = ({ site, params }) => feedResponse('json', { kind: 'topic', slug: params.slug! }, site!);
