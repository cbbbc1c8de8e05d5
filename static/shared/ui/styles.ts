import { token } from '@atlaskit/tokens';

/**
 * The light components' style sheet, written once into the page. Hover, focus and disabled
 * states need selectors, which inline styles cannot express; every colour is a design token,
 * so the host's theme (light or dark) applies.
 */
const CSS = `
a,.cf-link{color:${token('color.link')}}
a:hover,.cf-link:hover{color:${token('color.link.pressed')}}
.cf-link{border:none;background:none;padding:0;cursor:pointer;font:${token('font.body.small')};text-decoration:underline}
.cf-btn{display:inline-flex;align-items:center;justify-content:center;box-sizing:border-box;max-width:100%;border:none;border-radius:${token('radius.small', '3px')};font:${token('font.body')};font-weight:${token('font.weight.medium', '500')};cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;height:32px;padding:0 ${token('space.150')};background:${token('color.background.neutral')};color:${token('color.text')}}
.cf-btn:hover{background:${token('color.background.neutral.hovered')}}
.cf-btn:active{background:${token('color.background.neutral.pressed')}}
.cf-btn:focus-visible,.cf-input:focus-visible{outline:2px solid ${token('color.border.focused')};outline-offset:2px}
.cf-btn--compact{height:24px;padding:0 ${token('space.100')}}
.cf-btn--primary{background:${token('color.background.brand.bold')};color:${token('color.text.inverse')}}
.cf-btn--primary:hover{background:${token('color.background.brand.bold.hovered')}}
.cf-btn--primary:active{background:${token('color.background.brand.bold.pressed')}}
.cf-btn--warning{background:${token('color.background.warning.bold')};color:${token('color.text.warning.inverse')}}
.cf-btn--warning:hover{background:${token('color.background.warning.bold.hovered')}}
.cf-btn--warning:active{background:${token('color.background.warning.bold.pressed')}}
.cf-btn--danger{background:${token('color.background.danger.bold')};color:${token('color.text.inverse')}}
.cf-btn--danger:hover{background:${token('color.background.danger.bold.hovered')}}
.cf-btn--subtle{background:${token('color.background.neutral.subtle')};color:${token('color.text.subtle')}}
.cf-btn--subtle:hover{background:${token('color.background.neutral.subtle.hovered')}}
.cf-btn--subtle:active{background:${token('color.background.neutral.subtle.pressed')}}
.cf-btn[aria-pressed=true]{background:${token('color.background.selected')};color:${token('color.text.selected')}}
.cf-btn:disabled,.cf-btn:disabled:hover{background:${token('color.background.disabled')};color:${token('color.text.disabled')};cursor:not-allowed}
.cf-btn--subtle:disabled,.cf-btn--subtle:disabled:hover{background:transparent}
.cf-btn[aria-pressed=true]:disabled{background:${token('color.background.selected')};color:${token('color.text.selected')};cursor:default}
.cf-group{display:inline-flex;gap:1px}
.cf-group .cf-btn{border-radius:0}
.cf-group .cf-btn:first-child{border-radius:${token('radius.small', '3px')} 0 0 ${token('radius.small', '3px')}}
.cf-group .cf-btn:last-child{border-radius:0 ${token('radius.small', '3px')} ${token('radius.small', '3px')} 0}
.cf-input{box-sizing:border-box;width:100%;min-width:0;font:${token('font.body')};color:${token('color.text')};background:${token('color.background.input')};border:1px solid ${token('color.border.input')};border-radius:${token('radius.small', '3px')};padding:${token('space.075')} ${token('space.100')}}
.cf-input:hover{background:${token('color.background.input.hovered')}}
.cf-input:focus{background:${token('color.background.input.pressed')};border-color:${token('color.border.focused')};outline:none}
.cf-input::placeholder{color:${token('color.text.subtlest')}}
.cf-input--compact{padding:${token('space.025')} ${token('space.075')}}
.cf-input[aria-invalid=true]{border-color:${token('color.border.danger')}}
.cf-input[readonly]{background:${token('color.background.disabled')};color:${token('color.text.subtle')}}
textarea.cf-input{resize:vertical}
.cf-spinner{animation:cf-spin .86s linear infinite}
@keyframes cf-spin{to{transform:rotate(360deg)}}
`;

let written = false;

/** Adds the style sheet to the document once (on mount, and from the components for pages mounted elsewhere). */
export function addStyles(): void {
  if (written || typeof document === 'undefined') return;
  written = true;
  const style = document.createElement('style');
  style.setAttribute('data-cf-styles', '');
  style.textContent = CSS;
  document.head.appendChild(style);
}

/** For components: the style sheet is there before they paint. */
export const useStyles = addStyles;
