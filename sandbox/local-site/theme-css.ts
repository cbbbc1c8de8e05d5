import * as path from 'path';

/**
 * The design-token style sheets the Jira host applies to a Custom UI frame after
 * `view.theme.enable()`: colours for light and dark, spacing, typography and shape.
 */
const THEMES = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];

let cached: string | undefined;

export function themeCss(): string {
  if (cached === undefined) {
    const dir = path.dirname(require.resolve('@atlaskit/tokens/package.json'));
    cached = THEMES.map((name) => (require(path.join(dir, 'dist/cjs/artifacts/themes', `${name}.js`)) as { default: string }).default).join('\n');
  }
  return cached;
}

/** The `data-theme` attribute value that selects the sheets above. */
export const THEME_ATTRIBUTE = 'dark:dark light:light spacing:spacing typography:typography shape:shape';
