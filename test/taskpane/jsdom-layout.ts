/**
 * jsdom does no layout: every element's offsetParent is null and the body has no size, so Tabster
 * (Fluent's keyboard navigation) takes every element for invisible and Tab skips it. This gives
 * elements the offsetParent a browser would (null only inside display:none / hidden) and the body
 * a size, so keyboard tests behave as in a browser. Also a do-nothing ResizeObserver.
 */
function hiddenByStyle(element: Element): boolean {
  for (let el: Element | null = element; el; el = el.parentElement) {
    if (el instanceof HTMLElement && el.hidden) return true;
    if (window.getComputedStyle(el).display === 'none') return true;
  }
  return false;
}

Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement) {
    if (this === document.body || hiddenByStyle(this)) return null;
    return this.parentElement ?? null;
  },
});

const bodyRect = document.body.getBoundingClientRect.bind(document.body);
document.body.getBoundingClientRect = () => ({ ...bodyRect(), width: 1024, height: 768, right: 1024, bottom: 768 });


// jsdom has no ResizeObserver (Fluent's MessageBar watches its width to choose a layout).
if (typeof window.ResizeObserver === 'undefined') {
  class NoResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  window.ResizeObserver = NoResizeObserver as unknown as typeof ResizeObserver;
}

export {};
