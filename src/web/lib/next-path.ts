/** Where to go after signing in: an in-app path from `?next=`, never another site. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** The one-time link token carried in the URL fragment (`#token=…`), never sent to servers. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.length >= 10 ? token : null;
}
