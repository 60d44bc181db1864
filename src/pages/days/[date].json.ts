// /days/YYYY-MM-DD.json: the day file as published data, for scripts and agents.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../lib/site/data.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.days.map((day) => ({ params: { date: day.date }, props: { day } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  // Minified: it is data for programs, and indentation is paid once per day file in dist.
  new Response(JSON.stringify(props.day) + '\n', { headers: { 'content-type': 'application/json; charset=utf-8' } });
