/**
 * The configured OpenID Connect provider: single sign-on (authorization code flow with PKCE,
 * state and nonce) and validation of its access tokens for API clients (RS256 against its
 * JWKS, issuer, audience, expiry). Discovery happens on first use and is retried after failure.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import * as oidc from 'openid-client';
import { DomainError } from '../errors.ts';

export interface IdentityProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** Where the provider sends the browser back to: `${publicUrl}/auth/oidc/callback`. */
  redirectUri: string;
  /** Expected `aud` of bearer access tokens; bearer JWTs are refused when absent. */
  jwtAudience: string | undefined;
  /** Plain-http issuers are allowed outside production only (local providers, tests). */
  allowHttp: boolean;
}

/** What we learn about the person from the provider. */
export interface Identity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** The one-time values of an authorization request, kept by the browser in a signed cookie. */
export interface AuthorizationChecks {
  codeVerifier: string;
  state: string;
  nonce: string;
}

/** The reference's tokens carried the email in this namespaced claim. */
const REFERENCE_EMAIL_CLAIM = 'https://dashboard.recidiviz.org/email_address';

function identityFrom(claims: JWTPayload | oidc.IDToken | oidc.UserInfoResponse): Identity {
  const email = claims.email ?? claims[REFERENCE_EMAIL_CLAIM];
  return {
    subject: String(claims.sub),
    email: typeof email === 'string' ? email.trim().toLowerCase() : null,
    emailVerified: claims.email_verified === true,
    name: typeof claims.name === 'string' ? claims.name : null,
  };
}

const bearerRefusal = (code: string, why: string) => new DomainError('unauthenticated', `${code}: ${why}`);

/** Turns jose's failures into the reference's 401 reasons, in words. */
function explainTokenFailure(error: unknown): DomainError {
  const code = error instanceof errors.JOSEError ? error.code : '';
  if (code === 'ERR_JWT_EXPIRED') return bearerRefusal('token_expired', 'the bearer token has expired; get a new one.');
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    const claim = (error as errors.JWTClaimValidationFailed).claim;
    return bearerRefusal('invalid_claims', `the bearer token's "${claim}" claim is not the one this server expects.`);
  }
  if (code === 'ERR_JWKS_NO_MATCHING_KEY') {
    return bearerRefusal('invalid_header', 'unable to find the key that signed the bearer token.');
  }
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
    return bearerRefusal('invalid_header', 'the bearer token signature is not valid.');
  }
  return bearerRefusal('invalid_header', 'unable to parse the bearer token (expected an RS256-signed JWT).');
}

export function createIdentityProvider(settings: IdentityProviderSettings) {
  let discovered: Promise<oidc.Configuration> | undefined;
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  function configuration(): Promise<oidc.Configuration> {
    discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret ? undefined : oidc.None(),
        settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw new Error(`OpenID Connect discovery at ${settings.issuer} failed`, { cause: error });
      });
    return discovered;
  }

  return {
    async startAuthorization(): Promise<{ url: URL; checks: AuthorizationChecks }> {
      const config = await configuration();
      const checks = {
        codeVerifier: oidc.randomPKCECodeVerifier(),
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      });
      return { url, checks };
    },

    /** Exchanges the code the provider sent back; throws when anything does not match. */
    async finishAuthorization(callbackUrl: URL, checks: AuthorizationChecks): Promise<Identity> {
      const config = await configuration();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the provider returned no ID token');
      if (claims.email !== undefined) return identityFrom(claims);
      return identityFrom(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub));
    },

    async verifyAccessToken(token: string): Promise<Identity> {
      if (!settings.jwtAudience) {
        throw bearerRefusal('invalid_header', 'bearer JWTs are not accepted here: JWT_AUDIENCE is not configured.');
      }
      const metadata = (await configuration()).serverMetadata();
      if (!metadata.jwks_uri) throw new Error(`${settings.issuer} publishes no jwks_uri`);
      jwks ??= createRemoteJWKSet(new URL(metadata.jwks_uri));
      try {
        const { payload } = await jwtVerify(token, jwks, {
          issuer: metadata.issuer,
          audience: settings.jwtAudience,
          algorithms: ['RS256'],
          requiredClaims: ['sub', 'exp'],
        });
        return identityFrom(payload);
      } catch (error) {
        throw explainTokenFailure(error);
      }
    },
  };
}

export type IdentityProvider = ReturnType<typeof createIdentityProvider>;
