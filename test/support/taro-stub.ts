// Stand-in for `@tarojs/taro` in the jsdom component tests (jest maps the module here). The real H5
// implementation needs a browser router and fails under jsdom. Each export is typed against the real
// API so pages compile unchanged; add what a new page uses, nothing more.
import { act } from '@testing-library/react'
import { useEffect, useRef } from 'react'
import type RealTaro from '@tarojs/taro'

type Api = RealTaro.TaroStatic

export type NavigationKind = 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack'
export interface Navigation {
  kind: NavigationKind
  url?: string
  delta?: number
}

const storage = new Map<string, unknown>()
/** Every navigation a page asked for, in order. */
export const navigations: Navigation[] = []
/** Titles of every toast shown, in order. */
export const toasts: string[] = []
/** Every modal shown (title and content), in order. */
export const modals: { title?: string; content?: string }[] = []
/** The answers the next modals get, in order: push `true` to confirm, `false` to cancel. Empty = confirm. */
export const modalAnswers: boolean[] = []
/** The tab bar's badges by index, as the page last set them (removed = absent). */
export const tabBarBadges = new Map<number, string>()
let routerParams: Record<string, string> = {}

/** Clears storage, navigations and toasts, and sets the params useRouter/useLoad will see. Call in beforeEach. */
export function resetTaroStub(params: Record<string, string> = {}): void {
  storage.clear()
  navigations.length = 0
  toasts.length = 0
  modals.length = 0
  modalAnswers.length = 0
  tabBarBadges.clear()
  phoneCalls.length = 0
  scrolls.length = 0
  pageDepth = 1
  routerParams = params
  shownBefore = false
}

/** Sets the params useRouter/useLoad will see, keeping storage (the session) — e.g. to open a detail page. */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

/** Every number a page asked the phone to dial, in order. */
export const phoneCalls: string[] = []

const ok = (api: string) => Promise.resolve({ errMsg: `${api}:ok` })

// Like the real API, a missing key reads as ''.
export const getStorageSync: Api['getStorageSync'] = <T,>(key: string) => (storage.has(key) ? storage.get(key) : '') as T
export const setStorageSync: Api['setStorageSync'] = (key, data) => void storage.set(key, data)
export const removeStorageSync: Api['removeStorageSync'] = (key) => void storage.delete(key)
export const getStorageInfoSync: Api['getStorageInfoSync'] = () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 })

/** Every selector a page asked to scroll to, in order. */
export const scrolls: string[] = []
export const pageScrollTo: Api['pageScrollTo'] = (option) => {
  scrolls.push(option.selector ?? String(option.scrollTop))
  return ok('pageScrollTo')
}

export const showToast: Api['showToast'] = (option) => {
  toasts.push(option?.title ?? '')
  return ok('showToast')
}

export const showModal: Api['showModal'] = (option) => {
  modals.push({ title: option?.title, content: option?.content })
  const confirm = modalAnswers.length ? modalAnswers.shift()! : true
  return Promise.resolve({ errMsg: 'showModal:ok', confirm, cancel: !confirm })
}

export const setTabBarBadge: Api['setTabBarBadge'] = (option) => {
  tabBarBadges.set(option.index, option.text)
  return ok('setTabBarBadge')
}
export const removeTabBarBadge: Api['removeTabBarBadge'] = (option) => {
  tabBarBadges.delete(option.index)
  return ok('removeTabBarBadge')
}

export const makePhoneCall: Api['makePhoneCall'] = (option) => {
  phoneCalls.push(option.phoneNumber)
  return ok('makePhoneCall')
}

const navigate =
  (kind: Exclude<NavigationKind, 'navigateBack'>) =>
  (option: { url: string }): Promise<{ errMsg: string }> => {
    navigations.push({ kind, url: option.url })
    return ok(kind)
  }
export const navigateTo: Api['navigateTo'] = navigate('navigateTo')
export const redirectTo: Api['redirectTo'] = navigate('redirectTo')
export const switchTab: Api['switchTab'] = navigate('switchTab')
export const reLaunch: Api['reLaunch'] = navigate('reLaunch')
/** How many pages the stack holds (1: the page under test was opened directly). */
let pageDepth = 1
export function setPageDepth(n: number): void {
  pageDepth = n
}
export const getCurrentPages: Api['getCurrentPages'] = () => Array.from({ length: pageDepth }, () => ({}) as RealTaro.Page)

export const navigateBack: Api['navigateBack'] = (option) => {
  navigations.push({ kind: 'navigateBack', delta: option?.delta ?? 1 })
  return ok('navigateBack')
}

// Runtime values of the ambient enum; tests run as the H5 build does.
export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' } as Record<'WEAPP' | 'WEB', ReturnType<Api['getEnv']>>
export const getEnv: Api['getEnv'] = () => ENV_TYPE.WEB

// A rendered page counts as loaded and shown once, on mount; returnToPage shows it again.
const showListeners = new Set<() => void>()
let shownBefore = false
/**
 * From now on the page counts as shown already: a part mounted later gets no show on mount, as in Taro, where
 * a page's show reaches only the hooks there when it happened.
 */
export function pageAlreadyShown(): void {
  shownBefore = true
}
function showHook(callback: () => void) {
  const latest = useRef(callback)
  latest.current = callback
  useEffect(() => {
    if (!shownBefore) latest.current()
    const listener = () => latest.current()
    showListeners.add(listener)
    return () => void showListeners.delete(listener)
  }, [])
}
export const useLoad: Api['useLoad'] = (callback) => useEffect(() => callback(routerParams as never), [])
export const useDidShow: Api['useDidShow'] = (callback) => showHook(callback)
/** Back to this page (its didShow). */
export function returnToPage(): void {
  act(() => showListeners.forEach((f) => f()))
}
export const useRouter: Api['useRouter'] = <P extends Partial<Record<string, string>>>() =>
  ({ params: routerParams, path: '' }) as RealTaro.RouterInfo<P>

export const cloud = {
  callFunction: (): never => {
    throw new Error('Taro.cloud.callFunction: not in weapp (H5 and tests use the HTTP transport)')
  },
}

const Taro = {
  getStorageSync, setStorageSync, removeStorageSync, getStorageInfoSync, showToast, showModal, setTabBarBadge, removeTabBarBadge, makePhoneCall, pageScrollTo,
  navigateTo, redirectTo, switchTab, reLaunch, navigateBack, getCurrentPages,
  ENV_TYPE, getEnv, useLoad, useDidShow, useRouter, cloud,
}
export default Taro
