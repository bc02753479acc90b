// A small coloured label for a state: good (green), bad (red), warning (amber) or neutral.

export type BadgeTone = 'good' | 'bad' | 'warning' | 'neutral';

export function StatusBadge({ tone, label, title }: { tone: BadgeTone; label: string; title?: string }) {
  return (
    <span className={`status-badge status-${tone}`} title={title}>
      {label}
    </span>
  );
}
