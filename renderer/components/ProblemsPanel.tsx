// The Problems panel: the XML parse error, then the validator's findings. Activating one shows
// the field in the form and the line in the XML; findings with a fix offer a button for it.

import { useEffect, useRef } from 'react';

import { PLATFORMS, type Platform } from '../../shared/schema/index.ts';
import type { Diagnostic, Fix } from '../../shared/validation/index.ts';
import { useEditor, useServices, useUi } from '../app/context.ts';
import { renameKeyAt, setAt } from '../../shared/profile/edit/paths.ts';
import { isProfileService } from '../../shared/profile/edit/profile.ts';
import { randomUuid } from '../model/uuid.ts';
import { scalarText } from '../forms/fields/value-text.ts';
import type { EditorStore, Selection } from '../store/editor-store.ts';

export function ProblemsPanel() {
  const { editor, ui } = useServices();
  const diagnostics = useEditor((s) => s.diagnostics);
  const parseProblem = useEditor((s) => s.parseProblem);
  const problemsNonce = useUi((s) => s.problemsNonce);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (problemsNonce > 0) headingRef.current?.focus();
  }, [problemsNonce]);

  const errors = diagnostics.filter((d) => d.severity === 'error').length + (parseProblem ? 1 : 0);
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const total = diagnostics.length + (parseProblem ? 1 : 0);

  const show = (path: string | undefined, line: number | undefined, column: number | undefined) => {
    if (path !== undefined) editor.getState().select(selectionFor(path, editor));
    ui.getState().requestFocus({ keyPath: path, line, column });
  };

  return (
    <section className="problems" aria-labelledby="problems-title">
      <div className="problems-header">
        <h2 id="problems-title" className="problems-title" tabIndex={-1} ref={headingRef}>
          Problems <span className="count">{total === 0 ? '— none' : `— ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(total - errors - warnings, 'note')}`}</span>
        </h2>
        <ValidationSettingsBar />
      </div>
      <ul className="problem-list" aria-live="polite">
        {parseProblem ? (
          <li className="problem severity-error">
            <button type="button" className="problem-button" onClick={() => show(undefined, parseProblem.line, parseProblem.column)}>
              <span className="severity-label">XML error</span>
              <span className="problem-message">{parseProblem.message}</span>
              <span className="problem-location">{parseProblem.line !== undefined ? `Line ${parseProblem.line}` : ''}</span>
            </button>
          </li>
        ) : null}
        {diagnostics.map((finding, i) => (
          <li key={`${finding.code}:${finding.path}:${i}`} className={`problem severity-${finding.severity}`}>
            <button type="button" className="problem-button" onClick={() => show(finding.path, finding.line, finding.column)}>
              <span className="severity-label">{finding.severity === 'info' ? 'Note' : finding.severity === 'error' ? 'Error' : 'Warning'}</span>
              <span className="problem-message">{finding.message}</span>
              <span className="problem-location">
                {finding.path ? <code>{finding.path}</code> : null}
                {finding.line !== undefined ? ` Line ${finding.line}` : ''}
              </span>
            </button>
            {finding.fix && parseProblem === null ? (
              <button type="button" className="small-button" aria-label={`${fixLabel(finding.fix)} at ${finding.path}`} onClick={() => applyFix(editor, finding)}>
                {fixLabel(finding.fix)}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Target platform, strictness and extra schemas the validator uses. */
function ValidationSettingsBar() {
  const { editor, controller } = useServices();
  const settings = useEditor((s) => s.validation);
  return (
    <div className="validation-settings">
      <label>
        Platform{' '}
        <select className="input compact" value={settings.platform ?? ''} onChange={(e) => editor.getState().setValidation({ platform: e.target.value === '' ? null : (e.target.value as Platform) })}>
          <option value="">Any</option>
          {PLATFORMS.map((platform) => (
            <option key={platform} value={platform}>
              {platform}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox-row">
        <input type="checkbox" checked={settings.strict} onChange={(e) => editor.getState().setValidation({ strict: e.target.checked })} />
        <span>Strict</span>
      </label>
      <button type="button" className="small-button" title={settings.schemaFolder ?? 'Built-in schemas'} onClick={() => void controller.loadSchemaFolder()}>
        {settings.schemaFolder ? 'Schemas: folder loaded' : 'Load schemas…'}
      </button>
    </div>
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Chooses the sidebar item that contains the value at `path`. */
function selectionFor(path: string, editor: EditorStore): Selection {
  const match = /^PayloadContent\[(\d+)\]/.exec(path);
  if (match) return { kind: 'payload', index: Number(match[1]) };
  if (path.startsWith('PayloadContent.') && isProfileService(editor.getState().model)) return { kind: 'profile-service' };
  return { kind: 'general' };
}

function fixLabel(fix: Fix): string {
  switch (fix.kind) {
    case 'coerce-boolean':
      return `Use ${fix.value.value ? 'true' : 'false'}`;
    case 'set-value':
      return fix.value.kind === 'array' || fix.value.kind === 'dict' ? 'Fix' : `Set to ${scalarText(fix.value)}`;
    case 'rename-key':
      return `Rename to ${fix.value}`;
    case 'new-uuid':
      return 'New UUID';
    default: {
      const unknown: never = fix;
      return String(unknown);
    }
  }
}

function applyFix(editor: EditorStore, finding: Diagnostic): void {
  const fix = finding.fix;
  if (!fix) return;
  const segments = fix.segments;
  editor.getState().editModel((root) => {
    switch (fix.kind) {
      case 'coerce-boolean':
      case 'set-value':
        return setAt(root, segments, fix.value);
      case 'rename-key': {
        const last = segments[segments.length - 1];
        if (typeof last !== 'string') return root;
        return renameKeyAt(root, segments.slice(0, -1), last, fix.value);
      }
      case 'new-uuid':
        return setAt(root, segments, { kind: 'string', value: randomUuid() });
      default: {
        const unknown: never = fix;
        throw new Error(`Unknown fix ${JSON.stringify(unknown)}.`);
      }
    }
  }, null);
}
