// The archive, loaded from the content collection once per build and shared by every route,
// with what several routes derive from it. Each getter computes its data once per build.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getCollection } from 'astro:content';
import { topics } from '../../topics.config.ts';
import { buildArchive, papersByTopic, type Archive, type Listing } from '../archive.ts';
import { monthlyCounts } from '../charts.ts';
import { buildOrgs, type Org } from '../orgs.ts';
import { buildPeriods, type Periods } from '../periods.ts';
import { DatasetManifest } from '../dataset.ts';
import { relatedPapers } from '../related.ts';
import type { TrendingDay } from '../schema.ts';
import { trendingRecords, type TrendingRecord } from '../trending.ts';

let archive: Promise<Archive> | undefined;
let byTopic: Promise<Map<string, Listing[]>> | undefined;
let related: Promise<Map<string, string[]>> | undefined;
let periods: Promise<Periods> | undefined;
let orgs: Promise<Orgs> | undefined;
let topicCharts: Promise<Map<string, Series>> | undefined;
let trending: Promise<Trending> | undefined;

export interface Trending {
  /** Newest first. */
  days: TrendingDay[];
  dayIndex: Map<string, number>;
  records: Map<string, TrendingRecord>;
}

/** The trending lists, newest first, and each paper's record on them. */
export function getTrending(): Promise<Trending> {
  trending ??= getCollection('trending').then((entries) => {
    const days = entries.map((entry) => entry.data).sort((a, b) => (a.date < b.date ? 1 : -1));
    return { days, dayIndex: new Map(days.map((day, i) => [day.date, i])), records: trendingRecords(days) };
  });
  return trending;
}

export type Series = { month: string; count: number }[];

export function getArchive(): Promise<Archive> {
  archive ??= Promise.all([getCollection('days'), getCollection('links')]).then(([days, links]) =>
    buildArchive(
      days.map((entry) => entry.data),
      topics,
      links.map((entry) => entry.data),
    ),
  );
  return archive;
}

/** Every topic's papers, newest listed first: for the topics index and the topic pages alike. */
export function getPapersByTopic(): Promise<Map<string, Listing[]>> {
  byTopic ??= getArchive().then(papersByTopic);
  return byTopic;
}

/** Each paper's related papers (ids, most similar first), computed once for the whole archive. */
export function getRelated(): Promise<Map<string, string[]>> {
  related ??= getArchive().then((a) => {
    const started = performance.now();
    const map = relatedPapers(
      [...a.papers.values()].map(({ paper }) => ({ id: paper.id, title: paper.title, abstract: paper.abstract, keywords: paper.aiKeywords })),
    );
    // The benchmark reads this line (scripts/lib/tools/bench/build-log.ts).
    console.log(`[related] ${map.size} papers in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    return map;
  });
  return related;
}

/** Weeks and months with listings, newest first. */
export function getPeriods(): Promise<Periods> {
  periods ??= getArchive().then(buildPeriods);
  return periods;
}

export interface Orgs {
  list: Org[];
  bySegment: Map<string, Org>;
  byName: Map<string, Org>;
  /** Handle -> path segment, for lists that link organizations. */
  segments: Map<string, string>;
  /** Papers per month of each organization, over the archive's whole span. */
  charts: Map<string, Series>;
}

/** Every organization, its papers and its chart. */
export function getOrgs(): Promise<Orgs> {
  orgs ??= getArchive().then((a) => {
    const list = buildOrgs(a);
    const span = archiveSpan(a);
    return {
      list,
      bySegment: new Map(list.map((org) => [org.segment, org])),
      byName: new Map(list.map((org) => [org.name, org])),
      segments: new Map(list.map((org) => [org.name, org.segment])),
      charts: new Map(
        list.map((org) => [
          org.segment,
          monthlyCounts(
            org.papers.map((p) => p.date),
            ...span,
          ),
        ]),
      ),
    };
  });
  return orgs;
}

/** Papers per month of each topic, over the archive's whole span. */
export function getTopicCharts(): Promise<Map<string, Series>> {
  topicCharts ??= Promise.all([getArchive(), getPapersByTopic()]).then(([a, byTopicMap]) => {
    const span = archiveSpan(a);
    return new Map(
      [...byTopicMap].map(([slug, papers]) => [
        slug,
        monthlyCounts(
          papers.map((p) => p.date),
          ...span,
        ),
      ]),
    );
  });
  return topicCharts;
}

/** The first and last listed months, so every chart has the same axis. */
function archiveSpan(a: Archive): [string | undefined, string | undefined] {
  return [a.days.at(-1)?.date.slice(0, 7), a.days[0]?.date.slice(0, 7)];
}

/**
 * The dataset's manifest, when `npm run dataset` wrote one before this build (DATASET_DIR, default
 * dataset/): its files' rows and sizes for /data/. None when it did not; a manifest that is not one
 * fails the build, naming the file.
 */
export async function getDatasetManifest(): Promise<DatasetManifest | undefined> {
  const file = path.resolve(process.env.DATASET_DIR || 'dataset', 'manifest.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = DatasetManifest.safeParse(json);
  if (!parsed.success) throw new Error(`${file}: not a dataset manifest (${parsed.error.issues[0]!.message} at ${parsed.error.issues[0]!.path.join('.')})`);
  return parsed.data;
}
