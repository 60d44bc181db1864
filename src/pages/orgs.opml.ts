import type { APIRoute } from 'astro';
import { orgsOpmlResponse } from '../lib/site/feeds.ts';

export const GET: APIRoute = ({ site }) => orgsOpmlResponse(site!);
