// Trees of keys and values: a payload's keys (with schema titles), or JSON facts such as
// entitlements. Containers fold open with <details>.

import type { JsonValue } from '../../../shared/profile/json-value.ts';
import type { KeyNode } from '../profile-view.ts';

export function KeyTree({ nodes, label }: { nodes: readonly KeyNode[]; label?: string }) {
  return (
    <ul className="value-tree" aria-label={label}>
      {nodes.map((node, index) => (
        <li key={`${node.name}-${index}`}>
          {node.children.length > 0 ? (
            <details>
              <summary>
                <KeyRow node={node} />
              </summary>
              <KeyTree nodes={node.children} />
            </details>
          ) : (
            <KeyRow node={node} />
          )}
        </li>
      ))}
    </ul>
  );
}

function KeyRow({ node }: { node: KeyNode }) {
  return (
    <span className="tree-row">
      <span className="key-name">{node.name}</span>
      {node.title ? <span className="tree-title">{node.title}</span> : null}
      <span className="tree-type">{node.kind}</span>
      <span className={`tree-value${node.sensitive ? ' masked' : ''}`}>{node.preview}</span>
    </span>
  );
}

export function JsonTree({ value, label }: { value: Readonly<Record<string, JsonValue>>; label?: string }) {
  return (
    <ul className="value-tree" aria-label={label}>
      {Object.entries(value).map(([key, item]) => (
        <JsonItem key={key} name={key} value={item} />
      ))}
    </ul>
  );
}

function JsonItem({ name, value }: { name: string; value: JsonValue }) {
  if (value !== null && typeof value === 'object') {
    const entries: [string, JsonValue][] = Array.isArray(value) ? value.map((item, index) => [`[${index}]`, item]) : Object.entries(value);
    return (
      <li>
        <details open={entries.length <= 8}>
          <summary>
            <span className="tree-row">
              <span className="key-name">{name}</span>
              <span className="tree-type">{Array.isArray(value) ? `array of ${entries.length}` : `dict of ${entries.length}`}</span>
            </span>
          </summary>
          <ul className="value-tree">
            {entries.map(([key, item]) => (
              <JsonItem key={key} name={key} value={item} />
            ))}
          </ul>
        </details>
      </li>
    );
  }
  return (
    <li>
      <span className="tree-row">
        <span className="key-name">{name}</span>
        <span className="tree-value">{String(value)}</span>
      </span>
    </li>
  );
}
