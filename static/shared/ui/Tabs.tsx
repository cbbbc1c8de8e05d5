import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useStyles } from './styles';

/**
 * Tabs with the ARIA tab pattern (arrow keys, Home and End move between tabs); only the selected
 * panel is rendered. Controlled when `selected` and `onSelect` are given.
 */
export function Tabs(props: { id: string; tabs: { label: string; testId: string; panel: ReactNode }[]; selected?: number; onSelect?: (index: number) => void }) {
  const { id, tabs } = props;
  useStyles();
  const [own, setOwn] = useState(0);
  const selected = props.selected ?? own;
  const setSelected = (i: number) => {
    setOwn(i);
    props.onSelect?.(i);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = tabs.length - 1;
    const next = { ArrowRight: selected + 1, ArrowLeft: selected - 1, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const index = next < 0 ? last : next > last ? 0 : next;
    setSelected(index);
    document.getElementById(`${id}-tab-${index}`)?.focus();
  };
  return (
    <div>
      <div className="cf-tabs" role="tablist" onKeyDown={onKeyDown}>
        {tabs.map((t, i) => (
          <button
            key={t.testId}
            type="button"
            role="tab"
            id={`${id}-tab-${i}`}
            aria-selected={i === selected}
            tabIndex={i === selected ? 0 : -1}
            aria-controls={`${id}-panel-${i}`}
            data-testid={t.testId}
            onClick={() => setSelected(i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t, i) =>
        i === selected ? (
          <div key={t.testId} role="tabpanel" id={`${id}-panel-${i}`} aria-labelledby={`${id}-tab-${i}`}>
            {t.panel}
          </div>
        ) : null,
      )}
    </div>
  );
}
