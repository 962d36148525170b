// The one way the widget makes DOM: elements, attribute setters and text nodes, never markup.

/**
 * A new `tag` element with `attrs` (null, false and undefined values left out, true as an empty
 * attribute, `on…` functions as listeners) and `kids` appended: nodes as they are, strings as text.
 */
export function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const k in attrs) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  el.append(...kids.flat().filter((k) => k != null && k !== false && k !== ''));
  return el;
}
