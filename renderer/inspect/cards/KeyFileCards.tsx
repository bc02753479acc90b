// Cards of dropped certificate files (with "Add as device certificate") and PKCS#12 identity
// files (with "Import…", which opens the passphrase dialog).

import { useScreens } from '../../screens/screens-context.ts';
import { baseName, type InspectedFile } from '../inspection-store.ts';
import { CertificateList } from '../parts/CertificateList.tsx';

export function CertificateFileCard({ file }: { file: InspectedFile }) {
  const { certificates } = useScreens();
  const list = file.report.certificates ?? [];
  return (
    <>
      <CertificateList certificates={list} label="Certificates in the file" />
      <div className="card-actions">
        <button type="button" onClick={() => void certificates.getState().addInspectedRecipients([file.inspectionId])}>
          Add as device certificate{list.length === 1 ? '' : 's'}
        </button>
      </div>
    </>
  );
}

export function IdentityFileCard({ file }: { file: InspectedFile }) {
  const { certificates } = useScreens();
  return (
    <>
      <p>The key and certificates of a PKCS#12 file are encrypted with its passphrase. Import it to see them and to sign or decrypt with it.</p>
      <div className="card-actions">
        <button type="button" onClick={() => void certificates.getState().importInspectedPkcs12(file.inspectionId, baseName(file.report.file))}>
          Import…
        </button>
      </div>
    </>
  );
}
