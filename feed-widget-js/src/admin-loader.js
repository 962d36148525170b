// <chorus-admin>: a placeholder in widget.js that imports the hub admin's console (widget-admin.js,
// beside widget.js) once the element is on a page, so no other page downloads it.

import { SCRIPT } from './feed.js';

export class ChorusAdmin extends HTMLElement {
  static get observedAttributes() {
    return ['src', 'lang', 'join'];
  }

  connectedCallback() {
    this._start();
  }

  disconnectedCallback() {
    this._console?.destroy();
    this._console = null;
  }

  attributeChangedCallback() {
    if (this._console) {
      this._console.destroy();
      this._console = null;
      this._start();
    }
  }

  async _start() {
    if (this._loading || this._console || !this.isConnected) return;
    this._loading = true;
    try {
      const base = SCRIPT || new URL(this.getAttribute('src') || '', document.baseURI).href.replace(/\/*$/, '/');
      const { attach } = await import(new URL('widget-admin.js', base).href);
      if (this.isConnected && !this._console) this._console = attach(this);
    } catch (e) {
      console.warn('[chorus] no admin console:', e);
    } finally {
      this._loading = false;
    }
  }
}
