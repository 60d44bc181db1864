// Publishing the dataset to a Hugging Face dataset repository with @huggingface/hub: the four
// files, the manifest and the card in one commit. A failure is said in one line and never thrown:
// the site's deploy does not wait on the hub.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { uploadFiles } from '@huggingface/hub';
import { TABLES } from '../../../../src/lib/dataset.ts';
import { MANIFEST } from './write.ts';

export interface HubTarget {
  /** `owner/name` of a dataset repository that exists. */
  repo: string;
  token: string;
  /** The hub's address: tests point it at a local server. */
  hubUrl?: string;
}

/** A dataset repository's name as the hub writes them: `owner/name`. */
export const isDatasetRepo = (repo: string) => /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/.test(repo);

/** Upload the dataset in `dir` with its card; resolves to a line saying what happened. */
export async function publishToHub(dir: string, card: string, target: HubTarget): Promise<{ ok: boolean; line: string }> {
  if (!isDatasetRepo(target.repo)) return { ok: false, line: `dataset: HF_DATASET "${target.repo}" is not owner/name: nothing uploaded to Hugging Face` };
  try {
    const files = [
      ...(await Promise.all(
        [...TABLES.map((table) => table.file), MANIFEST].map(async (file) => ({ path: file, content: new Blob([await readFile(path.join(dir, file))]) })),
      )),
      { path: 'README.md', content: new Blob([card]) },
    ];
    const output = await uploadFiles({
      repo: { type: 'dataset', name: target.repo },
      accessToken: target.token,
      files,
      commitTitle: 'Update the dataset',
      useXet: false,
      ...(target.hubUrl ? { hubUrl: target.hubUrl } : {}),
    });
    return {
      ok: true,
      line: `dataset: uploaded ${files.length} files to the Hugging Face dataset ${target.repo}${output?.commit.oid ? ` (commit ${output.commit.oid.slice(0, 8)})` : ''}`,
    };
  } catch (error) {
    return { ok: false, line: `dataset: the upload to the Hugging Face dataset ${target.repo} failed: ${(error as Error).message.split('\n')[0]}` };
  }
}
