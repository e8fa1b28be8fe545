/** Institutional sign-in by OpenID Connect: its settings (the flow itself is in oidc.service.ts). */
import type { Role } from '../../domain/access.ts';

export interface OidcSettings {
  /** The provider's issuer URL (discovery at /.well-known/openid-configuration). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends users back: <public URL>/api/v1/auth/oidc/callback. */
  redirectUri: string;
  /** Role of an account created at its first institutional sign-in. */
  defaultRole: Role;
  /** Name of the button on the sign-in page, e.g. "Institutional account". */
  label: string;
}
