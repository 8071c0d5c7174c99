// The sign-in page: username and password against POST /api/auth/login; the token stays in the tab.
import { STRINGS } from './strings.ts'
import { state, update, type User } from './state.ts'
import { esc } from './escape-html.ts'

export function renderSignIn(root: HTMLElement, health: string) {
  const t = STRINGS[state.lang]
  root.className = 'signin'
  root.innerHTML = `
    <section class="card">
      <button class="lang link" type="button" id="lang">${t.switchTo}</button>
      <h1>${t.title}</h1><p class="sub">${t.subtitle}</p>
      <form id="login">
        <label for="username">${t.username}</label><input id="username" name="username" autocomplete="username" required />
        <label for="password">${t.password}</label><input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit" class="primary">${t.signIn}</button>
        <p class="error" id="error">${state.error ? `${t.failed}: ${esc(state.error)}` : ''}</p>
      </form>
      <p class="status">${t.server}: <span id="health">${esc(health)}</span></p>
    </section>`
  root.querySelector('#lang')!.addEventListener('click', () => {
    const lang = state.lang === 'zh-CN' ? 'en' : 'zh-CN'
    localStorage.setItem('lang', lang)
    update({ lang })
  })
  root.querySelector<HTMLFormElement>('#login')!.addEventListener('submit', async (ev) => {
    ev.preventDefault()
    const form = new FormData(ev.target as HTMLFormElement)
    const res = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
    })
    const body = (await res.json()) as { token: string; user: User; detail?: string }
    if (!res.ok) return update({ error: body.detail ?? String(res.status) })
    sessionStorage.setItem('token', body.token)
    update({ token: body.token, user: body.user, error: null })
  })
}
