// The widget's styles. Pages theme it through the --chorus-* custom properties and ::part();
// the few !important rules on :host keep it whole under hostile page CSS such as
// `* { all: unset !important }` (inside a shadow root, !important beats the page's !important).

const DARK = `color-scheme:dark;
--_fg:var(--chorus-color,#ececf1);
--_bg:var(--chorus-background,#17171c);
--_muted:var(--chorus-muted,#a8a8b5);
--_accent:var(--chorus-accent,#8ab4f8);
--_on-accent:var(--chorus-on-accent,#0b1a33);
--_line:var(--chorus-border,#3a3a44);
--_raised:var(--chorus-surface,#24242b)`;

export const CSS = `:host{color-scheme:light;
--_fg:var(--chorus-color,#1c1c21);
--_bg:var(--chorus-background,#fff);
--_muted:var(--chorus-muted,#5b5b66);
--_accent:var(--chorus-accent,#0b57d0);
--_on-accent:var(--chorus-on-accent,#fff);
--_line:var(--chorus-border,#dcdce3);
--_raised:var(--chorus-surface,#f2f2f5);
--_r:var(--chorus-radius,8px);
--_s:var(--chorus-space,1rem);
display:block!important;
color:var(--_fg)!important;background:var(--_bg)!important;
font:var(--chorus-font-size,1rem)/1.5 var(--chorus-font,system-ui,sans-serif)!important;
text-align:start!important}
:host([theme=dark]){${DARK}}
@media(prefers-color-scheme:dark){:host(:not([theme=light])){${DARK}}}
*{box-sizing:border-box}
[hidden]{display:none!important}
p{margin:.25em 0}
a,.l{color:var(--_accent)}
button{font:inherit;color:inherit;cursor:pointer}
.l{background:none;border:0;padding:0;text-decoration:underline}
[part~=button]{background:var(--_raised);border:1px solid var(--_line);border-radius:var(--_r);padding:.4em 1em}
[part~=button]:hover{border-color:var(--_accent)}
:focus-visible{outline:2px solid var(--_accent);outline-offset:2px}
article:focus-visible{outline-offset:-2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
[part~=new-posts]{position:sticky;top:.5em;z-index:1;display:block;margin:0 auto var(--_s);background:var(--_accent);color:var(--_on-accent);border-color:var(--_accent)}
article{padding:var(--_s) 0;border-bottom:1px solid var(--_line)}
header{display:flex;flex-wrap:wrap;gap:0 .5em;align-items:baseline}
[part~=author]{font-weight:600}
header>:not([part~=author]),footer,[part~=reply-context],[part~=end],[part~=filter],[part~=notice]{color:var(--_muted);font-size:.875em}
[part~=text]{white-space:pre-wrap;overflow-wrap:anywhere}
.clamp [part~=text]{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:var(--_lines);overflow:hidden}
.clamp .open [part~=text]{display:block}
[part~=preview]{display:grid;gap:.2em;margin-top:.5em;padding:.6em .8em;border:1px solid var(--_line);border-radius:var(--_r);color:inherit;text-decoration:none}
[part~=preview] img{width:100%;height:auto;aspect-ratio:1.91;object-fit:cover;border-radius:calc(var(--_r)/2)}
[part~=preview] span{color:var(--_muted)}
.sk{height:6em;margin:var(--_s) 0;border-radius:var(--_r);background:var(--_raised)}
@media(prefers-reduced-motion:no-preference){.sk{animation:k 1.2s ease-in-out infinite alternate}}
@keyframes k{to{opacity:.4}}
[part~=older]{display:block;margin:var(--_s) auto;overflow-anchor:none}`;

/** The colour for refusals and errors, light and dark (the member's and the admin's code use it). */
export const DANGER = `:host{--_danger:var(--chorus-danger,#b3261e)}
:host([theme=dark]){--_danger:var(--chorus-danger,#f2b8b5)}
@media(prefers-color-scheme:dark){:host(:not([theme=light])){--_danger:var(--chorus-danger,#f2b8b5)}}`;

const sheets = new Map();

/**
 * Adds `css` to shadow root `root` as a constructable stylesheet, one per page however many widgets
 * there are. Unlike a <style> element it needs no 'unsafe-inline' under a style-src CSP.
 */
export function adopt(root, css) {
  if (!sheets.has(css)) sheets.set(css, new CSSStyleSheet()).get(css).replaceSync(css);
  const sheet = sheets.get(css);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
