import type { APIRoute } from 'astro';
import { feedResponse } from '../../lib/site/feeds.ts';

export const GET: APIRoute = ({ site }) => feedResponse('atom', { kind: 'digest' }, site!);
