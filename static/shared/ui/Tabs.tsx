import { useState, type ReactNode } from 'react';
import { useStyles } from './styles';

/** Tabs with the ARIA tab pattern; only the selected panel is rendered. */
export function Tabs({ id, tabs }: { id: string; tabs: { label: string; testId: string; panel: ReactNode }[] }) {
  useStyles();
  const [selected, setSelected] = useState(0);
  return (
    <div>
      <div className="cf-tabs" role="tablist">
        {tabs.map((t, i) => (
          <button
            key={t.testId}
            type="button"
            role="tab"
            id={`${id}-tab-${i}`}
            aria-selected={i === selected}
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
