// Related papers across the whole archive: TF-IDF vectors of title, keywords and abstract, cosine
// similarity, over an inverted index so no pair of papers is ever compared directly. Each paper
// keeps only its most telling terms (a v2's name, a dataset's name, a method's name weigh most),
// which keeps the index small and the search fast.
//
// Why not a library: MiniSearch (the best kept of the small search libraries) answers one "more
// like this" query at a time, which over the whole archive takes hours (docs/performance.md); this
// is the part of what it does that the job needs, with the index cut to each paper's top terms.

export interface RelatedInput {
  id: string;
  title: string;
  abstract: string;
  keywords?: readonly string[] | undefined;
}

/** Terms kept per paper, for its query and in the index. */
const TOP_TERMS = 32;
/** Related papers shown: at least this many (when the archive has them)... */
export const MIN_RELATED = 3;
/** ...and at most this many. */
export const MAX_RELATED = 8;
/** Past the first three, a paper must be at least this similar (cosine of the pruned vectors). */
const MIN_SCORE = 0.12;
/** Terms in more than this share of papers (and more than MIN_COMMON) are too common to relate two. */
const COMMON_SHARE = 0.02;
const MIN_COMMON = 20;
/** Wider terms (up to this share of papers), a few per paper, for papers with too few telling neighbours. */
const WIDE_SHARE = 0.2;
const WIDE_TERMS = 6;
/** Title words say what a paper is; keywords are Hugging Face's summary of it. */
const WEIGHTS = { title: 3, keywords: 2, abstract: 1 };

const STOPWORDS = new Set(
  `a about above across after again against all also although among an and any are as at be because been before being below between both but by can could did do does doing down during each either
  et etc few for from further had has have having here how however i if in into is it its itself just less many may might more most much must new no nor not novel of off on once one only or
  other our ours out over own paper per propose proposed proposes present presents same several should show shows shown since so some such than that the their them then there these they this
  those through thus to too two under until up upon us use used uses using via was we well were what when where whether which while who whom why will with within without would yet approach
  method methods model models results result based existing work works task tasks performance achieve achieves across extensive experiments demonstrate further significantly state art first
  introduce however leverage leverages leveraging enable enables effective effectively large different various key code available publicly`.split(/\s+/),
);

/** Lowercased words of two or more letters or digits, with at least one letter; LaTeX commands dropped. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(/\\[a-z]+|[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (word.length < 2 || word.startsWith('\\') || STOPWORDS.has(word) || !/\p{L}/u.test(word)) continue;
    out.push(word);
  }
  return out;
}

/** Term frequencies per paper, weighted by field, and how many papers each term is in. */
function termCounts(papers: readonly RelatedInput[]): { docTerms: Map<number, number>[]; df: number[] } {
  const termIds = new Map<string, number>();
  const docTerms: Map<number, number>[] = [];
  const df: number[] = [];
  for (const paper of papers) {
    const tf = new Map<number, number>();
    const add = (text: string, weight: number) => {
      for (const word of tokens(text)) {
        let id = termIds.get(word);
        if (id === undefined) {
          id = df.length;
          termIds.set(word, id);
          df.push(0);
        }
        tf.set(id, (tf.get(id) ?? 0) + weight);
      }
    };
    add(paper.title, WEIGHTS.title);
    for (const keyword of paper.keywords ?? []) add(keyword, WEIGHTS.keywords);
    add(paper.abstract, WEIGHTS.abstract);
    for (const id of tf.keys()) df[id]!++;
    docTerms.push(tf);
  }
  return { docTerms, df };
}

/**
 * Each paper's top terms by TF-IDF, L2-normalised, in two inverted indexes: the telling terms
 * (rare enough to name a system, a dataset, a method) and a few wider ones (a field's words),
 * which only papers with too few telling neighbours consult.
 */
function indexTerms({ docTerms, df }: ReturnType<typeof termCounts>) {
  const n = docTerms.length;
  const maxDf = Math.max(MIN_COMMON, n * COMMON_SHARE);
  const maxWideDf = Math.max(maxDf, n * WIDE_SHARE);
  const tellingIndex = new Index();
  const wideIndex = new Index();
  const telling: Vector[] = [];
  const wide: Vector[] = [];
  docTerms.forEach((tf, doc) => {
    const rare: [number, number][] = [];
    const common: [number, number][] = [];
    for (const [term, count] of tf) {
      // A term in one paper relates it to none; one in too many (or all: no weight) to everything.
      if (df[term]! < 2 || df[term]! > maxWideDf || df[term]! === n) continue;
      (df[term]! <= maxDf ? rare : common).push([term, (1 + Math.log(count)) * Math.log(n / df[term]!)]);
    }
    telling.push(tellingIndex.add(doc, rare, TOP_TERMS));
    wide.push(wideIndex.add(doc, common, WIDE_TERMS));
  });
  return { tellingIndex, wideIndex, telling, wide };
}

/**
 * For each paper, the ids of its most similar other papers, most similar first, ties by id: the
 * same archive always gives the same lists. Papers with nothing in common get none.
 */
export function relatedPapers(papers: readonly RelatedInput[]): Map<string, string[]> {
  const n = papers.length;
  const { tellingIndex, wideIndex, telling, wide } = indexTerms(termCounts(papers));
  const scores = new Float64Array(n);
  const related = new Map<string, string[]>();
  // Most similar first; equal scores by id, so two builds of one archive agree.
  const before = (a: Scored, b: Scored) => a.score > b.score || (a.score === b.score && papers[a.other]!.id < papers[b.other]!.id);
  for (let doc = 0; doc < n; doc++) {
    const ranked = tellingIndex.query(doc, telling[doc]!, scores, MAX_RELATED, before);
    let chosen = ranked.filter((r, i) => i < MIN_RELATED || r.score >= MIN_SCORE);
    if (chosen.length < MIN_RELATED) {
      // Too few telling neighbours: fill up with the nearest by the field's wider words.
      const have = new Set(chosen.map((r) => r.other));
      const more = wideIndex.query(doc, wide[doc]!, scores, MIN_RELATED + chosen.length, before).filter((r) => !have.has(r.other));
      chosen = [...chosen, ...more.slice(0, MIN_RELATED - chosen.length)];
    }
    related.set(
      papers[doc]!.id,
      chosen.map((r) => papers[r.other]!.id),
    );
  }
  return related;
}

interface Vector {
  terms: Int32Array;
  weights: Float64Array;
}

interface Scored {
  other: number;
  score: number;
}

/** Postings of each paper's top terms: term -> the papers that kept it, with their weights. */
class Index {
  readonly #postings = new Map<number, { docs: number[]; weights: number[] }>();

  /** Keep a paper's `limit` heaviest terms, normalised, and index them. */
  add(doc: number, scored: [number, number][], limit: number): Vector {
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = scored.slice(0, limit);
    const norm = Math.sqrt(top.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
    const vector = { terms: new Int32Array(top.length), weights: new Float64Array(top.length) };
    top.forEach(([term, w], i) => {
      vector.terms[i] = term;
      vector.weights[i] = w / norm;
      let list = this.#postings.get(term);
      if (!list) this.#postings.set(term, (list = { docs: [], weights: [] }));
      list.docs.push(doc);
      list.weights.push(w / norm);
    });
    return vector;
  }

  /**
   * The `k` papers most similar to `doc` (cosine over shared terms), best first by `before`.
   * `scores` is scratch space, one slot per paper, left zeroed.
   */
  query(doc: number, { terms, weights }: Vector, scores: Float64Array, k: number, before: (a: Scored, b: Scored) => boolean): Scored[] {
    const touched: number[] = [];
    for (let i = 0; i < terms.length; i++) {
      const list = this.#postings.get(terms[i]!)!;
      for (let j = 0; j < list.docs.length; j++) {
        const other = list.docs[j]!;
        if (other === doc) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + weights[i]! * list.weights[j]!;
      }
    }
    // A partial selection, not a sort: a common paper can share terms with thousands.
    const best: Scored[] = [];
    for (const other of touched) {
      const candidate = { other, score: scores[other]! };
      scores[other] = 0;
      if (best.length === k && !before(candidate, best[k - 1]!)) continue;
      let at = best.length === k ? k - 1 : best.length;
      while (at > 0 && before(candidate, best[at - 1]!)) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = candidate;
    }
    return best;
  }
}
