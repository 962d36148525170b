// Just enough of the DOM for src/dom.js and src/render.js: elements, attributes, text nodes,
// listeners. Markup parsing is not here, so a test fails if the widget ever reaches for it.

class Node {
  constructor() {
    this.childNodes = [];
    this.parentNode = null;
  }

  get textContent() {
    return this.childNodes.map((c) => c.textContent).join('');
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

  append(...kids) {
    for (const k of kids) {
      const node = k instanceof Node ? k : new Text(k);
      node.parentNode = this;
      this.childNodes.push(node);
    }
  }

  get children() {
    return this.childNodes.filter((n) => n instanceof Element);
  }

  set innerHTML(_) {
    throw new Error('innerHTML must not be used');
  }
}

/** Installs the fake as the global document. */
export function install() {
  globalThis.document = { createElement: (tag) => new Element(tag) };
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
