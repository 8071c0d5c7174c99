// Every text of the web app, per language. zh-CN is the default.
export const STRINGS = {
  'zh-CN': {
    title: '网格化社会治理平台',
    subtitle: '南通市 · 指挥中心与联动中心',
    username: '用户名',
    password: '密码',
    signIn: '登录',
    signedInAs: '已登录',
    role: '角色',
    failed: '登录失败',
    server: '服务状态',
    switchTo: 'English',
  },
  en: {
    title: 'Grid governance platform',
    subtitle: 'Nantong · command and linkage centers',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signedInAs: 'Signed in as',
    role: 'Role',
    failed: 'Sign-in failed',
    server: 'Server',
    switchTo: '中文',
  },
} as const
export type Lang = keyof typeof STRINGS
