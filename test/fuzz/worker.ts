// The worker thread of `npm run fuzz`: runs one target's campaign and reports findings.

import { parentPort, workerData } from 'node:worker_threads';

import { runCampaign } from './engine/campaign.ts';
import { setCorpusEnabled } from './engine/files.ts';
import { findTarget } from './targets/index.ts';

export interface WorkerRequest {
  readonly target: string;
  readonly seed: number;
  readonly firstIndex: number;
  readonly runs: number;
  readonly includeSeeds: boolean;
  readonly corpus: boolean;
}

export type WorkerReport =
  | { readonly type: 'finding'; readonly index: number; readonly signature: string; readonly input: Uint8Array }
  | { readonly type: 'done'; readonly executions: number };

if (parentPort !== null) {
  const port = parentPort;
  const request = workerData as WorkerRequest & { progress: Int32Array };
  const target = findTarget(request.target);
  if (target === undefined) throw new Error(`unknown fuzz target ${request.target}`);
  setCorpusEnabled(request.corpus);

  // progress[0] is the index of the input running now, progress[1] counts inputs started.
  const { stats } = runCampaign(target, {
    seed: request.seed,
    runs: request.runs,
    firstIndex: request.firstIndex,
    includeSeeds: request.includeSeeds,
    onInput: (index) => {
      Atomics.store(request.progress, 0, index);
      Atomics.add(request.progress, 1, 1);
    },
    onFinding: (finding) => port.postMessage({ type: 'finding', index: finding.index, signature: finding.signature, input: finding.input } satisfies WorkerReport),
  });
  port.postMessage({ type: 'done', executions: stats.executions } satisfies WorkerReport);
}
