// Entry: the sign-in page until a token is held, then the desk.
import './style.css'
import { state, update, subscribe } from './state.ts'
import { renderSignIn } from './sign-in.ts'
import { mountDesk, restoreUser } from './desk.ts'

const root = document.querySelector<HTMLElement>('#app')!
let health = '…'
let desk: Promise<void> | null = null

function render() {
  document.documentElement.lang = state.lang
  if (!state.token || !state.user) {
    desk = null
    renderSignIn(root, health)
  } else desk ??= mountDesk(root)
}

subscribe((_s, changed) => {
  if (changed.has('token') || changed.has('user') || changed.has('error') || (changed.has('lang') && !state.user)) render()
  else if (changed.has('lang')) document.documentElement.lang = state.lang
})

fetch('/api/health')
  .then((r) => r.json())
  .then((h) => {
    health = `${h.status} · ${h.db.kind} · PostGIS ${h.db.postgis}`
    if (!state.user) render()
  })
  .catch(() => {})

const user = await restoreUser()
if (user) update({ user })
else {
  sessionStorage.removeItem('token')
  update({ token: null })
}
render()
