// A fuzz campaign over one target: the seeds as they are, then `runs` mutated inputs, each
// finding minimised. Used in-process by the short run in `npm test` and inside the workers of
// `npm run fuzz`.

import { minimise } from './minimise.ts';
import { mutateSeed, type MutationSource } from './mutate.ts';
import { describeError, runInput } from './outcome.ts';
import { inputRandom } from './random.ts';
import type { FuzzTarget } from './target.ts';

export interface Finding {
  /** Index of the mutated input, or -1 - n for seed n run as it is. */
  readonly index: number;
  readonly signature: string;
  readonly description: string;
  /** The smallest input found that fails the same way. */
  readonly input: Uint8Array;
}

export interface CampaignStats {
  readonly target: string;
  readonly seedCount: number;
  /** Inputs run: the seeds plus the mutated inputs. */
  executions: number;
  accepted: number;
  rejected: number;
  /** Findings whose signature was already reported in this campaign. */
  repeats: number;
}

export interface CampaignOptions {
  readonly seed: number;
  readonly runs: number;
  /** Index of the first mutated input; a restarted worker continues where it stopped. */
  readonly firstIndex?: number;
  /** Run the seeds unmutated first. Default true. */
  readonly includeSeeds?: boolean;
  /** Called before each input with its index, for the runner's hang watchdog. */
  readonly onInput?: (index: number) => void;
  readonly onFinding?: (finding: Finding) => void;
}

/** Returns the seeds and tokens the mutator draws from. Throws when the target has no seed. */
export function mutationSource(target: FuzzTarget): MutationSource {
  const seeds = target.seeds();
  if (seeds.length === 0) throw new Error(`fuzz target ${target.name} has no seed input`);
  return { seeds, tokens: target.tokens, maxLength: target.maxInputLength, structure: target.structure };
}

/** Returns mutated input `index` of the campaign with `seed`; the same arguments give the same bytes. */
export function makeInput(source: MutationSource, seed: number, index: number): Uint8Array {
  return mutateSeed(inputRandom(seed, index), source);
}

/** Runs a campaign and returns its statistics and its findings, one per signature. */
export function runCampaign(target: FuzzTarget, options: CampaignOptions, source = mutationSource(target)): { stats: CampaignStats; findings: Finding[] } {
  const stats: CampaignStats = { target: target.name, seedCount: source.seeds.length, executions: 0, accepted: 0, rejected: 0, repeats: 0 };
  const findings: Finding[] = [];
  const seen = new Set<string>();

  const runOne = (index: number, input: Uint8Array): void => {
    options.onInput?.(index);
    stats.executions++;
    const outcome = runInput(target, input);
    if (outcome.kind === 'accepted') stats.accepted++;
    else if (outcome.kind === 'rejected') stats.rejected++;
    else if (seen.has(outcome.signature)) stats.repeats++;
    else {
      seen.add(outcome.signature);
      const smallest = minimise(input, (candidate) => {
        const again = runInput(target, candidate);
        return again.kind === 'finding' && again.signature === outcome.signature;
      });
      const finding = { index, signature: outcome.signature, description: describeError(outcome.error), input: smallest };
      findings.push(finding);
      options.onFinding?.(finding);
    }
  };

  if (options.includeSeeds !== false) source.seeds.forEach((seedInput, n) => runOne(-1 - n, seedInput));
  const first = options.firstIndex ?? 0;
  for (let index = first; index < first + options.runs; index++) runOne(index, makeInput(source, options.seed, index));
  return { stats, findings };
}
