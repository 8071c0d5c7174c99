// Text from the server goes into templates escaped: names and descriptions are user input.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export const esc = (v: unknown): string => String(v ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch])
