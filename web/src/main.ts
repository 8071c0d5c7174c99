// Sign-in page: the entry of the map desk (which later issues build on this state).
import { STRINGS, type Lang } from './strings.ts'

interface State {
  lang: Lang
  user: { username: string; displayName: string; role: string } | null
  error: string | null
  health: string
}

const state: State = { lang: (localStorage.getItem('lang') as Lang) || 'zh-CN', user: null, error: null, health: '…' }
const root = document.querySelector<HTMLElement>('#app')!

function render() {
  const t = STRINGS[state.lang]
  document.documentElement.lang = state.lang
  root.innerHTML = `
    <button class="lang" type="button" id="lang">${t.switchTo}</button>
    <h1>${t.title}</h1><p class="sub">${t.subtitle}</p>
    ${state.user
      ? `<p id="who">${t.signedInAs}: <b></b> (${t.role}: ${state.user.role})</p>`
      : `<form id="login">
          <label for="username">${t.username}</label><input id="username" name="username" autocomplete="username" required />
          <label for="password">${t.password}</label><input id="password" name="password" type="password" autocomplete="current-password" required />
          <button type="submit">${t.signIn}</button>
          <p class="error" id="error"></p>
        </form>`}
    <p class="status">${t.server}: <span id="health"></span></p>`
  // User-controlled text goes in through textContent only.
  if (state.user) root.querySelector('#who b')!.textContent = state.user.displayName
  root.querySelector('#health')!.textContent = state.health
  const err = root.querySelector('#error')
  if (err && state.error) err.textContent = `${t.failed}: ${state.error}`
  root.querySelector('#lang')!.addEventListener('click', () => {
    state.lang = state.lang === 'zh-CN' ? 'en' : 'zh-CN'
    localStorage.setItem('lang', state.lang)
    render()
  })
  root.querySelector<HTMLFormElement>('#login')?.addEventListener('submit', signIn)
}

async function signIn(ev: SubmitEvent) {
  ev.preventDefault()
  const form = new FormData(ev.target as HTMLFormElement)
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
  })
  const body = await res.json()
  if (res.ok) {
    sessionStorage.setItem('token', body.token)
    state.user = body.user
    state.error = null
  } else state.error = body.detail
  render()
}

render()
fetch('/api/health')
  .then((r) => r.json())
  .then((h) => {
    state.health = `${h.status} · ${h.db.kind} · PostGIS ${h.db.postgis}`
    render()
  })
