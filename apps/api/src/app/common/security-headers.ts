import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The one inline script the Angular production build emits: critical CSS inlining loads the full
 * stylesheet with `<link media="print" onload="this.media='all'">`. Allowed by its hash only.
 */
const ANGULAR_STYLESHEET_ONLOAD = "'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='";

/**
 * Security headers (OWASP ASVS, HTTP security headers): a Content-Security-Policy fit for the built Angular app
 * and Swagger UI — scripts only from this origin, styles from this origin plus inline (Angular adds
 * component styles as <style> elements and Material sets style attributes), images and fonts from
 * this origin or data:/blob:, PDF previews in blob: frames, no plugins, no framing by anyone —
 * plus nosniff, no referrer, same-origin opener and resource policies.
 * No upgrade-insecure-requests: communes often reach the server over plain HTTP on their LAN.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-hashes'", ANGULAR_STYLESHEET_ONLOAD],
        scriptSrcAttr: ["'unsafe-hashes'", ANGULAR_STYLESHEET_ONLOAD],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  }) as RequestHandler;
}
