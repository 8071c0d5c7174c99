// The map desk's texts, one file per language; zh-CN is the default.
import { zhCN, type Strings } from './strings/zh-CN.ts'
import { en } from './strings/en.ts'

export const STRINGS: Record<'zh-CN' | 'en', Strings> = { 'zh-CN': zhCN, en }
export type Lang = keyof typeof STRINGS
export type { Strings }
