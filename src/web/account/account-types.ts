/** Response shapes of the account routes (/api/v1/me/…), as the account page reads them. */

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
}

export interface ApiTokenView {
  id: string;
  name: string;
  scope: 'read' | 'write';
  createdAt: string;
  lastUsedAt: string | null;
}

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  pending: boolean;
}

export interface TotpSetup {
  secret: string;
  uri: string;
  qrSvg: string;
}

export interface SignInEvent {
  seq: number;
  at: string;
  action: string;
  failed: boolean;
  ip: string | null;
  userAgent: string | null;
  reason: string | null;
  credential: string | null;
}
