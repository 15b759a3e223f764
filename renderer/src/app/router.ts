/**
 * Screens are addressed by the URL hash, so a reload (or a restart) comes back to the same
 * screen and the browser's back button works.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { readonly screen: 'interviews' }
  | { readonly screen: 'new-interview' }
  | { readonly screen: 'interview'; readonly id: string }
  | { readonly screen: 'fill'; readonly id: string; readonly section?: string }
  | { readonly screen: 'forms' }
  | { readonly screen: 'exchange' }
  | { readonly screen: 'conflicts' }
  | { readonly screen: 'about' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/about') return { screen: 'about' };
  if (path === '/forms') return { screen: 'forms' };
  if (path === '/exchange') return { screen: 'exchange' };
  if (path === '/conflicts') return { screen: 'conflicts' };
  if (path === '/interviews/new') return { screen: 'new-interview' };
  const fill = /^\/interviews\/([0-9a-zA-Z-]{1,64})\/fill(?:\/([A-Za-z0-9_]{1,64}))?$/.exec(path);
  if (fill?.[1]) return fill[2] ? { screen: 'fill', id: fill[1], section: fill[2] } : { screen: 'fill', id: fill[1] };
  const match = /^\/interviews\/([0-9a-zA-Z-]{1,64})$/.exec(path);
  if (match?.[1]) return { screen: 'interview', id: match[1] };
  return { screen: 'interviews' };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'interviews': return '#/interviews';
    case 'new-interview': return '#/interviews/new';
    case 'interview': return `#/interviews/${route.id}`;
    case 'fill': return `#/interviews/${route.id}/fill${route.section ? `/${route.section}` : ''}`;
    case 'forms': return '#/forms';
    case 'exchange': return '#/exchange';
    case 'conflicts': return '#/conflicts';
    case 'about': return '#/about';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => { window.removeEventListener('hashchange', onChange); };
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
