// Keystroke in the raw XML editor to updated validation markers, on a profile of about 1 MB.

import type { BenchCase, CaseContext } from '../context.ts';
import { gapRow, type BenchResult } from '../report/results.ts';

export const editorCase: BenchCase = {
  group: 'editor',
  async run(_context: CaseContext): Promise<BenchResult[]> {
    // TODO: measure in the app's Chromium harness once the renderer and its end-to-end harness are in the repository.
    return [
      gapRow(
        {
          name: 'editor.keystroke-to-markers.1mb',
          title: 'Keystroke to updated markers, 1 MB profile',
          group: 'editor',
          measure: 'in-process',
          note: 'Time from a key typed in the XML editor to the validation markers shown for the new text.',
        },
        'ms',
        'the app and its browser test harness were not committed when this run was made.',
      ),
    ];
  },
};
