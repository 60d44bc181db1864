import type { APIRoute } from 'astro';
import { opmlResponse } from '../lib/site/feeds.ts';

export const GET: APIRoute = ({ site }) => opmlResponse(site!);
