// A short message at the bottom of the screen that goes away by itself. Errors of the desk's
// actions show here instead of in alert(): a modal dialog stops the page (and the live map) until
// someone clicks it away, and one raised by a request that a navigation cut short blocks the
// navigation itself.
const SHOW_MS = 6_000 // long enough to read a sentence

export function showNotice(text: string, kind: 'error' | 'info' = 'error') {
  let box = document.querySelector<HTMLElement>('#notices')
  if (!box) {
    box = document.createElement('div')
    box.id = 'notices'
    box.setAttribute('role', 'status')
    box.setAttribute('aria-live', 'polite')
    document.body.append(box)
  }
  const item = document.createElement('p')
  item.className = `notice ${kind}`
  item.textContent = text
  box.append(item)
  setTimeout(() => item.remove(), SHOW_MS)
}
