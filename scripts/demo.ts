// npm run demo: the offline first look. An invented sample archive, captured by the snapshot
// command's own code into .demo/ (never the real archive), then built and served. The steps are
// in scripts/lib/tools/demo.ts.
import path from 'node:path';
import { defineCommand, positiveNumber, runCommand } from './lib/cli.ts';
import { buildDemo, captureDemo, serveDemo } from './lib/tools/demo.ts';

const DEMO = defineCommand({
  name: 'demo',
  summary: 'Build and serve the site on an invented sample archive, offline.',
  options: {
    days: { type: 'string', value: 'N', help: 'listed days to generate (default 45, from 2026-09-01)' },
    dir: { type: 'string', value: 'PATH', help: 'where the sample, its day files and the site go (default .demo)' },
    'no-serve': { type: 'boolean', help: 'stop after the build (the site is in PATH/dist)' },
  },
});

runCommand(DEMO, async (values) => {
  const days = positiveNumber('--days', values.days ?? '45')!;
  const root = path.resolve(values.dir ?? '.demo');
  await captureDemo(root, days);
  buildDemo(root);
  if (!values['no-serve']) serveDemo(root);
  return 0;
});
