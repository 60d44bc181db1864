// A deterministic, invented archive in the hub's API format: the demo's data and the benchmark's.
// Every title, author and abstract is made up; titles of the sample say so on the site's banner.
import { addDays } from '../../src/lib/dates.ts';

export interface SampleOptions {
  /** Listed days (weekdays) to generate; with `papers`, the most to use. */
  days: number;
  /** Stop at exactly this many papers (the benchmark's sizes). */
  papers?: number;
  /** Average papers per listed day. */
  papersPerDay: number;
  /** The first calendar day. */
  start: string;
  seed?: number;
  /**
   * Exact listed days and their paper counts (e.g. those of a recorded archive), instead of
   * `days` weekdays from `start`: a sample of the same size and spread as real listings.
   */
  like?: readonly { date: string; papers: number }[];
}

export interface SampleDay {
  date: string;
  /** Items in the API's `/api/daily_papers` shape. */
  items: unknown[];
}

/** mulberry32: tiny, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Wei',
  'Ana',
  'Jonas',
  'Priya',
  'Kenji',
  'Fatima',
  'Lucas',
  'Zoë',
  'Łukasz',
  'Amara',
  'José',
  'Mei',
  'Olu',
  'Sven',
  'Hana',
  'Ravi',
  'Elif',
  'Tomás',
  'Yuki',
  'Ingrid',
  'Chen',
  'Nadia',
  'Omar',
  'Sofía',
  'Minh',
  'Aisha',
  'Pieter',
  'Jia',
  'Mateo',
  'Saoirse',
];
const LAST = [
  'Zhang',
  'Silva',
  'Müller',
  'Sharma',
  'Tanaka',
  'Haddad',
  'Martin',
  'Nguyễn',
  'Kowalski',
  'Okafor',
  'García',
  'Lin',
  'Adeyemi',
  'Lindqvist',
  'Sato',
  'Iyer',
  'Yılmaz',
  'Ferreira',
  'Kim',
  'Berg',
  'Wang',
  'Petrova',
  'Rahman',
  'López',
  'Tran',
  'Bello',
  'de Vries',
  'Liu',
  'Rossi',
  "O'Brien",
];
/** Organizations the hub names, as many and as unevenly spread as real ones (see `orgPicker`). */
const ORG_KINDS = ['Lab', 'AI', 'Research', 'University', 'Institute', 'Team'];
const NAMES = [
  'Aurora',
  'Kestrel',
  'Lattice',
  'Mosaic',
  'Nimbus',
  'Orbit',
  'Prism',
  'Quill',
  'Ripple',
  'Sable',
  'Tessera',
  'Umbra',
  'Vertex',
  'Willow',
  'Zephyr',
  'Helix',
  'Cobalt',
  'Fathom',
];
const SYLLABLES = [
  'ka',
  'lo',
  'vi',
  'tes',
  'ran',
  'qu',
  'or',
  'mi',
  'zen',
  'dra',
  'pel',
  'sko',
  'nu',
  'fy',
  'bri',
  'tal',
  'gor',
  'xe',
  'mun',
  'sa',
  've',
  'rik',
  'do',
  'an',
];

/** A made-up model name ("Skovidra"), distinctive like real ones, so search has a long tail. */
function inventedName(random: () => number): string {
  const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(random, SYLLABLES)).join('');
  return word[0]!.toUpperCase() + word.slice(1);
}
// Each area's keywords read like the hub's AI keywords (about ten a paper, ~220 characters), and
// papers draw some from other areas too: real papers fall in about three topics each.
const AREAS = [
  {
    noun: 'Large Language Models',
    task: 'long-context question answering',
    kw: ['large language models', 'long context', 'pretraining', 'tokenizer', 'scaling laws'],
  },
  {
    noun: 'Diffusion Transformers',
    task: 'text-to-image generation',
    kw: ['diffusion models', 'image generation', 'flow matching', 'latent diffusion', 'image editing'],
  },
  { noun: 'Video Diffusion Models', task: 'text-to-video generation', kw: ['video generation', 'temporal consistency', 'image-to-video', 'motion control'] },
  {
    noun: 'Vision-Language Models',
    task: 'multimodal reasoning over charts',
    kw: ['vision-language models', 'multimodal', 'visual question answering', 'MLLMs'],
  },
  { noun: 'Vision Transformers', task: 'open-vocabulary object detection', kw: ['object detection', 'segmentation', 'visual encoder', 'depth estimation'] },
  { noun: 'Speech Language Models', task: 'spoken dialogue', kw: ['speech recognition', 'audio', 'text-to-speech', 'spoken language'] },
  { noun: 'Neural Radiance Fields', task: '3D scene reconstruction', kw: ['3D reconstruction', 'Gaussian splatting', 'novel view synthesis', 'point clouds'] },
  { noun: 'Vision-Language-Action Policies', task: 'robot manipulation', kw: ['robot manipulation', 'embodied agents', 'VLA', 'sim-to-real'] },
  { noun: 'LLM Agents', task: 'tool use on the web', kw: ['LLM agents', 'tool use', 'web browsing', 'function calling', 'multi-agent'] },
  { noun: 'Reasoning Models', task: 'mathematical reasoning', kw: ['chain-of-thought', 'reasoning', 'test-time scaling', 'theorem proving'] },
  {
    noun: 'Reinforcement Learning',
    task: 'reward modeling from verifiable rewards',
    kw: ['reinforcement learning', 'RLHF', 'GRPO', 'reward models', 'policy optimization'],
  },
  {
    noun: 'Quantized Transformers',
    task: 'efficient inference on edge devices',
    kw: ['quantization', 'efficient inference', 'KV cache', 'speculative decoding', 'LoRA'],
  },
  { noun: 'Aligned Assistants', task: 'safety under jailbreak attacks', kw: ['alignment', 'jailbreak', 'hallucination', 'red teaming', 'interpretability'] },
  { noun: 'Code Language Models', task: 'repository-level code generation', kw: ['code generation', 'software engineering', 'SWE-bench', 'program synthesis'] },
  { noun: 'Benchmarks', task: 'evaluating scientific agents', kw: ['benchmark', 'dataset', 'evaluation suite', 'human annotation'] },
];
/** Keywords of no topic in particular, to fill a paper's ten. */
const GENERIC_KEYWORDS = [
  'transformer-based architectures',
  'attention mechanism',
  'contrastive learning',
  'instruction tuning',
  'fine-tuning',
  'zero-shot generalization',
  'few-shot learning',
  'self-supervised learning',
  'uncertainty estimation',
  'data augmentation',
  'synthetic data',
  'curriculum learning',
  'hierarchical representations',
  'retrieval-augmented generation',
  'in-context learning',
  'representation learning',
  'out-of-distribution generalization',
  'ablation studies',
  'open-source models',
  'state-of-the-art performance',
  'computational efficiency',
  'scalability and deployment',
  'robustness to distribution shift',
  'cross-domain generalization',
  'parameter-efficient fine-tuning',
  'open-vocabulary recognition tasks',
];
const ADJ = ['Scalable', 'Efficient', 'Robust', 'Unified', 'Sparse', 'Adaptive', 'Self-Improving', 'Training-Free', 'Hierarchical', 'Multilingual'];
// Sentences of an abstract, in their order of argument, in the vocabulary of real ones (their
// words as long as real abstracts' words: about 7.5 characters with the space).
const SENTENCES = [
  'Recent progress in {noun} has made {task} practical, yet current methods remain computationally expensive and brittle when the input distribution shifts.',
  'We introduce {name}, a simple framework that decomposes {task} into stages that can be trained and evaluated independently.',
  'Our key observation is that most of the computation is spent on a small fraction of difficult inputs, which motivates an adaptive allocation of inference-time compute.',
  'Concretely, {name} learns a lightweight router that decides, per example, how much capacity to spend, and a verifier that checks intermediate representations.',
  'We evaluate on eleven public benchmarks and a new suite of 4,200 manually verified problems released together with this paper.',
  'Across model sizes from 1B to 70B parameters, {name} improves accuracy by 3.1 to 9.4 points while reducing computational cost by up to 2.7 times.',
  'Comprehensive ablations demonstrate that the verifier, not the router, accounts for most of the improvement, and that the approach transfers to previously unseen domains.',
  'We further analyse failure cases and find that errors concentrate on inputs with ambiguous instructions or insufficient contextual information.',
  'The method requires no additional human annotation and can be applied to existing pretrained checkpoints within a few GPU hours.',
  'Code, datasets and model weights are publicly available to support reproducibility and future research.',
  'Theoretical analysis shows the estimator is unbiased with bounded variance under mild regularity assumptions.',
  'Human evaluators prefer generations of {name} in 68% of pairwise comparisons against the strongest competing baseline.',
];
const HOSTILE_TITLES = [
  '<script>alert(1)</script> Scripts in Titles Are Text, Not Code',
  '</title><img src=x onerror=alert(1)> Escaping Every Field',
  'Closing ]]> CDATA & Other "Quoted" <Tricks> in Feed Text',
];

/** Words of a made-up technical vocabulary, by rank: "kalo", "visko"… (40,000 of them). */
const VOCABULARY = 40_000;
function vocabularyWord(rank: number): string {
  let word = '';
  for (let n = rank + SYLLABLES.length ** 2; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return word;
}
/** A word by Zipf's law: rank r is drawn with a chance proportional to 1/r. */
const zipfWord = (random: () => number) => vocabularyWord(Math.floor(VOCABULARY ** random()) - 1);

const CLAUSES = [
  'The {w} {w} module combines {w} {w} with {w} {w}, yielding {w} gains on {w} and {w} {w} tasks.',
  'We further introduce a {w} objective that aligns {w} {w} representations with {w} {w} signals across {w} {w} settings.',
  'Experiments on {w}, {w} and {w} {w} show that the {w} variant outperforms {w} {w} baselines by {w} points.',
  'Unlike prior {w} {w} approaches, our {w} formulation handles {w} {w} without additional {w} {w} supervision.',
  'Analysis of {w} {w} reveals that {w} errors stem from {w} {w} rather than {w} {w} capacity.',
];
/** A sentence with the rarer words real abstracts have: about twenty words, eight of them drawn by Zipf's law. */
function technicalSentence(random: () => number): string {
  return pick(random, CLAUSES).replace(/\{w\}/g, () => zipfWord(random));
}

/** The arXiv-style id of the n-th paper of a month. */
function arxivId(date: string, n: number): string {
  return `${date.slice(2, 4)}${date.slice(5, 7)}.${String(10000 + n).padStart(5, '0')}`;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** The hub's AI summaries and keywords appear on listings from this day on (as in the recorded days). */
export const SUMMARY_ERA = '2025-03-17';
/** ...and the organizations from this day on. */
export const ORGANIZATION_ERA = '2025-10-01';

/**
 * Organizations as a Pitman-Yor process: each paper's organization is a new one with a
 * probability that shrinks as the archive grows, else an existing one in proportion to its
 * papers. With these parameters, like the real listings: ~80 organizations for the first 100
 * papers that name one, ~850 for 3,100, a few with hundreds of papers and most with one.
 */
function orgPicker(random: () => number): () => { name: string; fullname: string } {
  const DISCOUNT = 0.55;
  const CONCENTRATION = 60;
  const orgs: { name: string; fullname: string; papers: number }[] = [];
  let total = 0;
  return () => {
    let u = random() * (total + CONCENTRATION);
    let org = undefined as (typeof orgs)[number] | undefined;
    if (u >= CONCENTRATION + DISCOUNT * orgs.length) {
      u -= CONCENTRATION + DISCOUNT * orgs.length;
      for (const candidate of orgs) {
        u -= candidate.papers - DISCOUNT;
        if (u < 0) {
          org = candidate;
          break;
        }
      }
      org ??= orgs.at(-1);
    }
    if (!org) {
      const word = inventedName(random);
      const kind = pick(random, ORG_KINDS);
      org = { name: `${word}-${kind}`.replace(/ /g, '-'), fullname: `${word} ${kind} (invented)`, papers: 0 };
      orgs.push(org);
    }
    org.papers++;
    total++;
    return { name: org.name, fullname: org.fullname };
  };
}

/** About ten keywords: some of the paper's own area, some of one or two others, the rest general. */
function keywordsOf(random: () => number, area: (typeof AREAS)[number]): string[] {
  const chosen = new Set<string>(area.kw.filter(() => random() < 0.7));
  for (const other of [pick(random, AREAS), ...(random() < 0.3 ? [pick(random, AREAS)] : [])]) chosen.add(pick(random, other.kw));
  while (chosen.size < 9 + Math.floor(random() * 3)) chosen.add(pick(random, GENERIC_KEYWORDS));
  return [...chosen];
}

/** Authors per paper as real papers have them: a median of 7, a mean near 10, one in twenty over 20. */
function authorCount(random: () => number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(1, Math.round(7 * Math.exp(0.7 * normal)));
}

/** Generate the archive, weekdays only (or the days of `like`); day 3 is above the API's 50-item page. */
export function generateSample(options: SampleOptions): SampleDay[] {
  const random = prng(options.seed ?? 20230504);
  const days: SampleDay[] = [];
  const perMonth = new Map<string, number>();
  const organization = orgPicker(random);
  let hostile = 0;
  let previousDayItem: unknown;
  let total = 0;
  const target = options.papers ?? Infinity;
  const dates = options.like
    ? options.like.map((day) => day.date)
    : (function* () {
        for (let date = options.start; ; date = addDays(date, 1)) if (!isWeekend(date)) yield date;
      })();
  for (const date of dates) {
    if (days.length >= (options.like?.length ?? options.days) || total >= target) break;
    const index = days.length;
    const spread = Math.max(1, Math.round(options.papersPerDay * 0.5));
    let count = options.like?.[index]!.papers ?? options.papersPerDay - spread + Math.floor(random() * (2 * spread + 1));
    if (index === 2 && !options.like) count = Math.max(count, 57);
    count = Math.min(count, target - total);
    const items: unknown[] = [];
    for (let i = 0; i < count; i++) {
      const month = date.slice(0, 7);
      const n = (perMonth.get(month) ?? 0) + 1;
      perMonth.set(month, n);
      const area = pick(random, AREAS);
      const name = random() < 0.3 ? pick(random, NAMES) : inventedName(random) + (random() < 0.3 ? `-${1 + Math.floor(random() * 9)}` : '');
      let title = `${name}: ${pick(random, ADJ)} ${area.noun} for ${area.task[0]!.toUpperCase()}${area.task.slice(1)}`;
      const formula = random();
      if (formula < 0.01) title = `$\\nabla^2$${title}`;
      else if (formula < 0.02) title = title.replace(': ', ': $\\tau$-');
      if (index % 5 === 1 && i === count - 1) title = HOSTILE_TITLES[hostile++ % HOSTILE_TITLES.length]!;
      // A collaboration of hundreds now and then, as in physics-scale projects.
      const authorTotal = i === 0 && index % 30 === 3 ? 480 : authorCount(random);
      const authors = Array.from({ length: authorTotal }, () => ({ _id: 'sample', name: `${pick(random, FIRST)} ${pick(random, LAST)}`, hidden: false }));
      // A random selection of distinct sentences, in their order of argument: a median of about
      // 190 words, as in the real recorded days.
      // A selection of the template sentences, in their order of argument, and sentences of words
      // drawn from a large vocabulary as real abstracts' rarer words are (Zipf's law): a search
      // index's size follows how many different words it holds, not only how many.
      const sentences = SENTENCES.filter(() => random() < 0.4).slice(0, 4);
      sentences.splice(1, 0, ...Array.from({ length: 6 }, () => technicalSentence(random)));
      // Formulas are rare in the hub's abstracts (none in the recorded days) and titles (about 1 in 100).
      if (random() < 0.02) sentences.push('We prove the estimator converges at rate $O(1/\\sqrt{n})$ with variance bounded by $\\sigma^2$.');
      let abstract = sentences.join(' ').replaceAll('{noun}', area.noun.toLowerCase()).replaceAll('{task}', area.task).replaceAll('{name}', name);
      // arXiv's hard wraps, which the snapshot collapses.
      abstract = abstract.replace(/(.{60,75}) /g, '$1\n');
      if (index % 5 === 1 && i === count - 1) abstract = `A control character \u0007 and a form feed \u000c hide in this abstract. ${abstract}`;
      // Settled counts: most papers get a handful, a few hundreds.
      const upvotes = Math.floor(150 * random() ** 4);
      const listedAt = `${date}T0${Math.floor(random() * 10)}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00.000Z`;
      const hasCode = random() < 0.45;
      const summarised = date >= SUMMARY_ERA;
      const paper: Record<string, unknown> = {
        id: arxivId(date, n),
        authors,
        publishedAt: `${addDays(date, -1 - Math.floor(random() * 3))}T17:00:00.000Z`,
        submittedOnDailyAt: listedAt,
        title,
        submittedOnDailyBy: { _id: 'sample', user: pick(random, ['akhaliq', 'sample-curator', 'demo-user']), type: 'user' },
        summary: abstract,
        upvotes,
        discussionId: 'sample',
        ai_summary:
          summarised && random() < 0.97
            ? `${name} improves ${area.task} with an adaptive router and a lightweight verifier, raising accuracy on eleven public benchmarks while reducing inference cost by up to 2.7 times across model sizes.`
            : undefined,
        ai_keywords: summarised ? keywordsOf(random, area) : undefined,
        githubRepo: hasCode ? `https://github.com/sample-org/${name.toLowerCase()}` : undefined,
        githubStars: hasCode ? Math.floor(2000 * random() ** 2) : undefined,
        projectPage: random() < 0.3 ? `https://example.org/${name.toLowerCase()}` : undefined,
        organization: date >= ORGANIZATION_ERA && random() < 0.6 ? organization() : undefined,
      };
      items.push({
        paper: JSON.parse(JSON.stringify(paper)),
        publishedAt: listedAt,
        title: title.replace(/\s+/g, ' '),
        thumbnail: 'https://example.org/thumbnail.png',
        numComments: Math.floor(6 * random() ** 2),
        isAuthorParticipating: random() < 0.3,
      });
    }
    // One paper stays on the list two days running, as happens upstream.
    if (index === 4 && previousDayItem) items.push(previousDayItem);
    previousDayItem = items[0];
    (items as { paper: { upvotes: number } }[]).sort((a, b) => b.paper.upvotes - a.paper.upvotes);
    days.push({ date, items });
    total += count;
  }
  return days;
}
