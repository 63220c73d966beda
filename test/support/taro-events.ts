import { act } from '@testing-library/react'

/**
 * Taro's H5 form controls are Stencil web components, which jsdom cannot run; in a browser they emit an `input`
 * CustomEvent carrying `detail.value`. This dispatches exactly that on the element Taro's React wrapper listens to.
 */
export function typeInto(el: Element, value: string): void {
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

/** The Taro input (`taro-input-core`) with this placeholder prefix. */
export function inputByPlaceholder(container: HTMLElement, prefix: string): Element {
  const el = [...container.querySelectorAll('taro-input-core')].find((e) => (e.getAttribute('placeholder') ?? '').startsWith(prefix))
  if (!el) throw new Error(`no input with placeholder "${prefix}…"`)
  return el
}
