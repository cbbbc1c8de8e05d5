import { view } from '@forge/bridge';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { addStyles } from './ui/styles';

/** Renders a page once the host has applied the Jira theme (light or dark follows the user). */
export function mount(page: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) return;
  addStyles();
  // The page still renders when theming is unavailable: tokens fall back to light values.
  void view.theme.enable().catch(() => undefined);
  createRoot(container).render(<StrictMode>{page}</StrictMode>);
}
