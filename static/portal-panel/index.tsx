import { view } from '@forge/bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PortalPanel } from './PortalPanel';

// A light page for the customer portal: React and the bridge only, no Atlaskit components.
const container = document.getElementById('root');
if (container) {
  void view.theme.enable().catch(() => undefined);
  createRoot(container).render(
    <StrictMode>
      <PortalPanel />
    </StrictMode>,
  );
}
