// The words of the invented sample: names, areas with their keywords, the sentences and clauses
// an abstract is made of, and a large made-up vocabulary drawn by Zipf's law, as real abstracts'
// rarer words are.

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

export const FIRST = [
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
export const LAST = [
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
export const ORG_KINDS = ['Lab', 'AI', 'Research', 'University', 'Institute', 'Team'];
export const NAMES = [
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
export function inventedName(random: () => number): string {
  const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(random, SYLLABLES)).join('');
  return word[0]!.toUpperCase() + word.slice(1);
}
// Each area's keywords read like the hub's AI keywords (about ten a paper, ~220 characters), and
// papers draw some from other areas too: real papers fall in about three topics each.
export const AREAS = [
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
export const GENERIC_KEYWORDS = [
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
export const ADJ = ['Scalable', 'Efficient', 'Robust', 'Unified', 'Sparse', 'Adaptive', 'Self-Improving', 'Training-Free', 'Hierarchical', 'Multilingual'];
// Sentences of an abstract, in their order of argument, in the vocabulary of real ones (their
// words as long as real abstracts' words: about 7.5 characters with the space).
export const SENTENCES = [
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
export const HOSTILE_TITLES = [
  '<script>alert(1)</script> Scripts in Titles Are Text, Not Code',
  '</title><img src=x onerror=alert(1)> Escaping Every Field',
  'Closing ]]> CDATA & Other "Quoted" <Tricks> in Feed Text',
];

/**
 * The most frequent words of ML abstracts first, by rank (a list of our own, of words any abstract
 * uses), so a search for "model" or "reasoning" lands in index chunks as big as real text makes
 * them. None of them alone or in pairs is a topic's term but "reasoning", which real abstracts
 * bring to that topic too: the sample's topics stay the areas' (tools/sample/generate.ts).
 */
const COMMON = (
  'model models language large reasoning learning data training performance tasks method approach ' +
  'results benchmark generation framework inference achieving evaluation policy retrieval ' +
  'knowledge attention tokens context scaling synthetic instruction fine-tuning representations ' +
  'dataset accuracy robust generalization benchmarks baselines human preference prompts outputs ' +
  'quality semantic spatial temporal transformer encoder decoder pretraining supervised zero-shot ' +
  'few-shot planning memory tools search problems questions answers documents graph wikipedia ' +
  'scene editing'
).split(' ');
/** Words of a vocabulary by rank: the common words above, then made-up ones ("kalo", "visko"…), 100,000 in all. */
const VOCABULARY = 100_000;
function vocabularyWord(rank: number): string {
  if (rank < COMMON.length) return COMMON[rank]!;
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
export function technicalSentence(random: () => number): string {
  return pick(random, CLAUSES).replace(/\{w\}/g, () => zipfWord(random));
}
