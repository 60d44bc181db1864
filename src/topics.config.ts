// Your topics: each becomes a page (/topics/<slug>/) and feeds (RSS, Atom, JSON Feed).
// A paper belongs to a topic when any term matches its title, abstract or HF's AI keywords,
// case-insensitively, on word boundaries, and no `exclude` term does. A term ending in `*`
// matches any word ending (`agent*`: agent, agents, agentic). Edit freely: slugs are URLs,
// so renaming one moves its page and feeds.
import type { Topic } from './lib/topics.ts';

export const topics: Topic[] = [
  {
    slug: 'language-models',
    name: 'Language models',
    description: 'Large language models: pretraining, architecture, long context, scaling.',
    fields: ['title', 'keywords'],
    terms: ['large language model*', 'LLM', 'LLMs', 'language model*', 'pretraining', 'pre-training', 'long-context', 'long context', 'tokenizer*', 'transformer architecture*', 'mixture-of-expert*', 'mixture of expert*', 'multilingual', 'MoE', 'scaling law*'],
  },
  {
    slug: 'vision',
    name: 'Computer vision',
    description: 'Image understanding: recognition, detection, segmentation, visual encoders.',
    terms: ['computer vision', 'image classification', 'object detection', 'segmentation', 'visual encoder*', 'vision transformer*', 'ViT', 'depth estimation', 'image understanding', 'visual recognition', 'optical flow', 'tracking'],
  },
  {
    slug: 'multimodal',
    name: 'Multimodal',
    description: 'Models that read and reason across text, images, audio and video together.',
    terms: ['multimodal', 'multi-modal', 'vision-language', 'vision language model*', 'VLM', 'VLMs', 'MLLM*', 'LMM', 'LMMs', 'visual question answering', 'VQA', 'image-text', 'cross-modal', 'omni-modal'],
  },
  {
    slug: 'image-generation',
    name: 'Diffusion and image generation',
    description: 'Diffusion, flow matching and other generative models for images and editing.',
    terms: ['diffusion model*', 'diffusion transformer*', 'text-to-image', 'image generation', 'image editing', 'flow matching', 'rectified flow', 'latent diffusion', 'DiT', 'denoising', 'score-based', 'image synthesis', 'autoregressive image generation'],
  },
  {
    slug: 'video',
    name: 'Video',
    description: 'Video generation, editing and understanding.',
    terms: ['video*', 'text-to-video', 'image-to-video', 'temporal consistency'],
  },
  {
    slug: 'speech-audio',
    name: 'Speech and audio',
    description: 'Speech recognition and synthesis, spoken dialogue, music and sound.',
    terms: ['speech', 'audio', 'ASR', 'text-to-speech', 'TTS', 'spoken', 'voice', 'music', 'sound', 'acoustic'],
  },
  {
    slug: '3d',
    name: '3D and 4D',
    description: '3D reconstruction and generation, Gaussian splatting, NeRF, meshes, scenes.',
    terms: ['3D', '4D', 'Gaussian splatting', '3DGS', 'NeRF', 'neural radiance field*', 'mesh*', 'point cloud*', 'novel view synthesis', 'multi-view', 'scene reconstruction', 'avatar*'],
  },
  {
    slug: 'robotics',
    name: 'Robotics and embodied agents',
    description: 'Robot learning, manipulation, navigation, vision-language-action models.',
    terms: ['robot*', 'embodied', 'manipulation', 'vision-language-action', 'VLA', 'VLAs', 'locomotion', 'navigation', 'autonomous driving', 'sim-to-real', 'world model*'],
  },
  {
    slug: 'agents',
    name: 'Agents and tool use',
    description: 'LLM agents that plan, browse, call tools and act in software environments.',
    terms: ['agent*', 'tool use', 'tool-use', 'tool calling', 'function calling', 'tool-augmented', 'web browsing', 'GUI', 'computer use', 'multi-agent', 'deep research'],
    exclude: ['reagent*'],
  },
  {
    slug: 'reasoning',
    name: 'Reasoning',
    description: 'Chain-of-thought, mathematical and logical reasoning, test-time compute.',
    terms: ['reasoning', 'chain-of-thought', 'chain of thought', 'CoT', 'test-time scaling', 'test-time compute', 'mathematical', 'math', 'theorem proving', 'long CoT', 'thinking'],
  },
  {
    slug: 'reinforcement-learning',
    name: 'Reinforcement learning',
    description: 'RL for models and agents: RLHF, verifiable rewards, GRPO, policy optimization.',
    terms: ['reinforcement learning', 'RL', 'RLHF', 'RLVR', 'GRPO', 'PPO', 'DPO', 'reward model*', 'policy optimization', 'verifiable reward*', 'preference optimization'],
  },
  {
    slug: 'efficiency',
    name: 'Efficiency and quantization',
    description: 'Faster, smaller, cheaper: quantization, pruning, distillation, efficient inference.',
    terms: ['quantization', 'quantized', 'pruning', 'sparsity', 'distillation', 'efficient inference', 'inference efficiency', 'speculative decoding', 'KV cache', 'low-rank', 'LoRA', 'compression', 'memory-efficient', 'latency', 'throughput', 'acceleration'],
  },
  {
    slug: 'safety',
    name: 'Safety and alignment',
    description: 'Alignment, jailbreaks, red teaming, hallucination, privacy and trustworthiness.',
    terms: ['safety', 'alignment', 'aligned', 'jailbreak*', 'red teaming', 'red-teaming', 'harmful', 'hallucination*', 'adversarial', 'privacy', 'unlearning', 'watermark*', 'trustworth*', 'interpretability'],
  },
  {
    slug: 'code',
    name: 'Code',
    description: 'Code generation, software engineering agents, programming benchmarks.',
    terms: ['code generation', 'code LLM*', 'coding', 'programming', 'software engineering', 'SWE-bench', 'program synthesis', 'code completion', 'code model*', 'repository-level'],
  },
  {
    slug: 'datasets-benchmarks',
    name: 'Datasets and benchmarks',
    description: 'New datasets, benchmarks and evaluation suites.',
    fields: ['title', 'keywords'],
    terms: ['benchmark*', 'dataset*', 'evaluation suite', 'leaderboard', 'corpus', 'corpora'],
  },
];
