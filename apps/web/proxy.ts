import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce } from './src/security-headers';

/**
 * Every page gets a Content-Security-Policy with a fresh nonce. Next reads
 * the policy from the request headers while rendering and puts the nonce on
 * its own scripts (the page is rendered per request: see app/page.tsx).
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, env: process.env, dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
