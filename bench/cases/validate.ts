// Validation of the profile of about 3 MB against the built-in payload schemas, in-process.
// No outside tool validates profiles against Apple's schemas, so the row has no peer.

import { runNodeProbe, type BenchCase, type CaseContext } from '../context.ts';
import { formatMiB } from '../inputs/index.ts';
import { probeSamples, timeRow, type BenchResult } from '../report/results.ts';
import { repeat } from '../timing.ts';

const PROBE_COUNTS = ['2', '5'];

export const validateCase: BenchCase = {
  group: 'validate',
  async run(context: CaseContext): Promise<BenchResult[]> {
    const profile = context.inputs.profiles.find((p) => p.payloadCount === 2000) ?? context.inputs.profiles.at(-1)!;
    context.log(`validate, in-process, ${profile.payloadCount} payloads`);
    const rounds = await repeat(context.options.runs, () => runNodeProbe(['validate', profile.xmlPath, ...PROBE_COUNTS]));
    const findings = rounds[0].metrics.diagnostics?.[0] ?? 0;
    return [
      timeRow(
        {
          name: `validate.profile.${profile.payloadCount}`,
          title: `Validate, ${profile.payloadCount} payloads (${formatMiB(profile.xmlBytes)})`,
          group: 'validate',
          measure: 'in-process',
          note: `Time of one validateProfile() call on the parsed profile with the built-in schemas (parsing not included); it reported ${findings} findings. Median of ${PROBE_COUNTS[1]} calls after ${PROBE_COUNTS[0]} warm-up calls, in each of ${context.options.runs} processes.`,
        },
        probeSamples(rounds, 'validate'),
      ),
    ];
  },
};
