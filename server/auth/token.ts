import jwt from 'jsonwebtoken';

export interface TokenClaims {
  sub: string;
  /** the account's token version when the token was signed */
  tv: number;
}

export function signToken(secret: string, ttlSeconds: number, userId: number, tokenVersion: number): string {
  return jwt.sign({ tv: tokenVersion }, secret, { subject: String(userId), expiresIn: ttlSeconds, algorithm: 'HS256' });
}

/** The claims of a valid, unexpired token, or null. */
export function verifyToken(secret: string, token: string): TokenClaims | null {
  try {
    const claims = jwt.verify(token, secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    if (typeof claims.sub !== 'string' || typeof claims.tv !== 'number') return null;
    return { sub: claims.sub, tv: claims.tv };
  } catch {
    return null;
  }
}
