import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, signal } from '@angular/core';
import { apiMessage, isUnavailable } from './errors';

/**
 * Is the service answering? No network, or a 502/503/504 (the API's "database unavailable", or a proxy in front of
 * it) raises a banner with the API's words; the next answer of the API lowers it. Pages keep their
 * own error for the request that failed; the banner says it is the system, not the user's input.
 */
@Injectable({ providedIn: 'root' })
export class ServiceStatus {
  private readonly unavailableSig = signal<string | null>(null);
  /** The message of the banner, null while the service answers. */
  readonly unavailable = this.unavailableSig.asReadonly();

  failed(err: HttpErrorResponse): void {
    if (isUnavailable(err) || err.status === 0) this.unavailableSig.set(apiMessage(err));
    else this.answered();
  }

  answered(): void {
    if (this.unavailableSig() !== null) this.unavailableSig.set(null);
  }
}
