// Just enough of the DOM for the widget's code: elements, attributes, text nodes, listeners, shadow
// roots and custom elements (for <chorus-members> and the admin console). Markup parsing is not here,
// so a test fails if the widget ever reaches for it.

class Node {
  constructor() {
    this.childNodes = [];
    this.parentNode = null;
  }

  get textContent() {
    return this.childNodes.map((c) => c.textContent).join('');
  }

  set textContent(text) {
    this.replaceChildren(...(text === '' || text == null ? [] : [String(text)]));
  }

  remove() {
    const p = this.parentNode;
    if (p) p.childNodes.splice(p.childNodes.indexOf(this), 1);
    this.parentNode = null;
  }
}

class Text extends Node {
  constructor(data) {
    super();
    this.data = String(data);
  }

  get textContent() {
    return this.data;
  }
}

export class Element extends Node {
  constructor(tag) {
    super();
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.listeners = {};
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }

  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }

  hasAttribute(name) {
    return this.attributes.has(name);
  }

  addEventListener(type, fn) {
    (this.listeners[type] ||= []).push(fn);
  }

  click() {
    for (const fn of this.listeners.click || []) fn({ type: 'click', target: this });
  }

  /** Dispatches an event of `type` (with `props`) to this element's listeners; returns the event. */
  dispatch(type, props = {}) {
    const event = { type, target: this, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; }, ...props };
    for (const fn of this.listeners[type] || []) fn(event);
    return event;
  }

  append(...kids) {
    for (const k of kids) {
      const node = k instanceof Node ? k : new Text(k);
      node.remove();
      node.parentNode = this;
      this.childNodes.push(node);
    }
  }

  replaceChildren(...kids) {
    for (const c of [...this.childNodes]) c.remove();
    this.append(...kids);
  }

  after(...kids) {
    const p = this.parentNode;
    const rest = p.childNodes.splice(p.childNodes.indexOf(this) + 1);
    p.append(...kids);
    for (const n of rest) p.childNodes.push(n);
  }

  get hidden() {
    return this.hasAttribute('hidden');
  }

  set hidden(on) {
    if (on) this.setAttribute('hidden', '');
    else this.attributes.delete('hidden');
  }

  removeAttribute(name) {
    this.attributes.delete(name);
  }

  /** A form control's value: what was typed (set), else its value attribute. */
  get value() {
    return this._value ?? this.getAttribute('value') ?? '';
  }

  set value(v) {
    this._value = String(v);
  }

  focus() {
    focused = this;
  }

  /** The closest element, this one included, that has the attribute in `selector` ("[lang]"). */
  closest(selector) {
    const name = /^\[([\w-]+)\]$/.exec(selector)?.[1];
    for (let el = this; el; el = el.parentNode) if (el.hasAttribute?.(name)) return el;
    return null;
  }

  get isConnected() {
    return true;
  }

  get children() {
    return this.childNodes.filter((n) => n instanceof Element);
  }

  set innerHTML(_) {
    throw new Error('innerHTML must not be used');
  }
}

let focused = null;

/** The element focus() was last called on. */
export const activeElement = () => focused;

/** What attachShadow returns: an element-like root with adopted style sheets. */
class ShadowRoot extends Element {
  constructor(host) {
    super('#shadow-root');
    this.host = host;
    this.adoptedStyleSheets = [];
  }
}

/** The base class of custom elements. */
export class HTMLElement extends Element {
  constructor() {
    super('custom-element');
  }

  attachShadow() {
    this.shadowRoot = new ShadowRoot(this);
    return this.shadowRoot;
  }
}

/**
 * Installs the fake as the global document (for the page `base`; `find(selector)` answers
 * document.querySelector), with HTMLElement, customElements, CSSStyleSheet, navigator and location.
 */
export function install({ base = 'https://hub.example/network.html', find = () => null } = {}) {
  globalThis.document = { createElement: (tag) => new Element(tag), baseURI: base, querySelector: find };
  globalThis.HTMLElement = HTMLElement;
  globalThis.CSSStyleSheet = class {
    replaceSync(css) {
      this.css = css;
    }
  };
  const defined = new Map();
  globalThis.customElements = { get: (n) => defined.get(n), define: (n, c) => defined.set(n, c) };
  globalThis.location = new URL(base);
  Object.defineProperty(globalThis, 'navigator', { value: { language: 'en', onLine: true }, configurable: true, writable: true });
}

/** Every element below `root` (and root itself) for which `test` holds, in document order. */
export function all(root, test = () => true) {
  const found = [];
  const walk = (el) => {
    if (test(el)) found.push(el);
    el.children.forEach(walk);
  };
  walk(root);
  return found;
}

/** The elements below `root` whose part attribute names `part`. */
export function parts(root, part) {
  return all(root, (el) => (el.getAttribute('part') || '').split(' ').includes(part));
}
