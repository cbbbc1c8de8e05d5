import * as fs from 'fs';
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
    // The theme modules are generated CommonJS holding one CSS string; read them as data.
    cached = THEMES.map((name) =>
      cssOfThemeModule(fs.readFileSync(path.join(dir, 'dist/cjs/artifacts/themes', `${name}.js`), 'utf8'), name),
    ).join('\n');
  }
  return cached;
}

function cssOfThemeModule(source: string, name: string): string {
  const m = /exports\.default = void 0;[\s\S]*?= exports\.default = ("(?:[^"\\]|\\.)*");/.exec(source);
  if (!m?.[1]) throw new Error(`@atlaskit/tokens theme ${name}: unexpected module shape`);
  return JSON.parse(m[1]) as string;
}

/** The `data-theme` attribute value that selects the sheets above. */
export const THEME_ATTRIBUTE = 'dark:dark light:light spacing:spacing typography:typography shape:shape';
