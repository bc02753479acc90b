// The inspection screen: buttons to inspect files or a folder, folder progress, the comparison
// of two ticked files, folder result tables and one card per file.

import { useState } from 'react';

import { useInspection, useScreens } from '../screens/screens-context.ts';
import { InspectionCard } from './cards/InspectionCard.tsx';
import { CompareView } from './CompareView.tsx';
import { FolderResults } from './FolderResults.tsx';

export function InspectionScreen() {
  const { inspection } = useScreens();
  const files = useInspection((s) => s.files);
  const folders = useInspection((s) => s.folders);
  const busy = useInspection((s) => s.busy);
  const progress = useInspection((s) => s.progress);
  const compareIds = useInspection((s) => s.compareIds);
  const [comparing, setComparing] = useState(false);
  const pair = compareIds.map((id) => files.find((file) => file.inspectionId === id)).filter((file) => file !== undefined);
  const empty = files.length === 0 && folders.length === 0;

  return (
    <main className="screen inspection-screen" aria-label="Inspection">
      <div className="screen-bar">
        <h2>Inspect</h2>
        <button type="button" disabled={busy} onClick={() => void inspection.getState().choose(false)}>
          Inspect Files…
        </button>
        <button type="button" disabled={busy} onClick={() => void inspection.getState().choose(true)}>
          Inspect Folder…
        </button>
        <button type="button" disabled={pair.length !== 2} onClick={() => setComparing(true)} title="Tick Compare on two cards first">
          Compare {pair.length}/2
        </button>
        <button type="button" disabled={empty || busy} onClick={() => void inspection.getState().clear()}>
          Clear
        </button>
      </div>

      {busy ? (
        <div className="progress-row" role="status">
          {progress ? (
            <>
              <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Folder inspection progress" />
              <span>
                {progress.done} of {progress.total} files in <span className="mono">{progress.folder}</span>
              </span>
              <button type="button" onClick={() => void inspection.getState().cancel()}>
                Stop
              </button>
            </>
          ) : (
            <span>Inspecting…</span>
          )}
        </div>
      ) : null}

      {comparing && pair.length === 2 ? <CompareView first={pair[0]} second={pair[1]} onClose={() => setComparing(false)} /> : null}

      {empty && !busy ? (
        <div className="drop-hint">
          <p>Drop configuration profiles, profile stubs, provisioning profiles, certificates, PKCS#12 identities or whole folders anywhere on this window.</p>
          <p className="hint">Signed and encrypted profiles, XML and binary plists and PEM-armoured files are recognised by their content.</p>
        </div>
      ) : null}

      {folders.map((result) => (
        <FolderResults key={result.folderId} result={result} />
      ))}

      <div className="card-list">
        {files.map((file) => (
          <InspectionCard key={file.inspectionId} file={file} />
        ))}
      </div>
    </main>
  );
}
