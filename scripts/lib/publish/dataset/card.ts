// The dataset card: the README.md a Hugging Face dataset repository shows, and the dataset viewer
// and `load_dataset` read (its YAML names each table as a configuration). Made from the same
// description as the /data/ page (src/lib/dataset.ts).
import { TABLES, TYPE_NAMES } from '../../../../src/lib/dataset.ts';
import type { Manifest } from './write.ts';

/** A Markdown table cell: pipes and line breaks would end it. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export function datasetCard(manifest: Manifest, site: { title: string; url: string }, repo = 'OWNER/NAME'): string {
  const rows = new Map(manifest.files.map((file) => [file.table, file.rows]));
  const configs = TABLES.map((table) => `- config_name: ${table.name}\n  data_files: ${table.file}`).join('\n');
  const tables = TABLES.map((table) =>
    [
      `### ${table.name} (\`${table.file}\`, ${(rows.get(table.name) ?? 0).toLocaleString('en-US')} rows)`,
      '',
      `${table.description} Sorted by ${table.sortedBy}.`,
      '',
      '| column | type | |',
      '| --- | --- | --- |',
      ...table.columns.map(
        (column) => `| \`${column.name}\` | ${TYPE_NAMES[column.type]}${column.optional ? ', may be null' : ''} | ${cell(column.description)} |`,
      ),
    ].join('\n'),
  ).join('\n\n');
  return `---
license: other
pretty_name: ${site.title}, the Hugging Face Daily Papers history
configs:
${configs}
---

# ${site.title}: the Hugging Face Daily Papers history

Every paper Hugging Face's Daily Papers listed, the days it was listed, its upvotes as they changed,
its days on the hub's trending list, and what the hub linked to it as it aged (models, datasets,
Spaces citing it), as captured by [${site.title}](${site.url}) and rebuilt on each of its runs.
As of ${manifest.updatedAt ?? 'its first capture'}.

\`\`\`python
from datasets import load_dataset
papers = load_dataset("${repo}", "papers", split="train")
\`\`\`

## Tables

${tables}

## How it is built

\`npm run dataset\` in the ${site.title} repository reads the dated JSON files its scheduled
captures write (\`src/content/\`) and writes these Parquet files (hyparquet-writer). The same files
are assets of the repository's \`data\` release. Times are UTC.

## Licence

The titles, abstracts and author names are the papers' own (arXiv's licences vary by paper); the
AI summaries and keywords are Hugging Face's. This compilation adds the listing days, counts and
ranks as observed, provided as is, without warranty.
`;
}
