import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { BodyOf, CurrentUser, ResponseOf } from '@trinhky/contracts';

const TOKEN_KEY = 'tk.token';
const USER_KEY = 'tk.user';

/** Who is logged in. The token lives in sessionStorage (one tab, one session). */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);

  private readonly tokenSig = signal<string | null>(read(TOKEN_KEY));
  private readonly userSig = signal<CurrentUser | null>(parseUser(read(USER_KEY)));

  readonly token = this.tokenSig.asReadonly();
  readonly user = this.userSig.asReadonly();
  readonly loggedIn = computed(() => !!this.tokenSig());
  readonly roles = computed(() => new Set(this.userSig()?.roles ?? []));
  /** Why the session ended without the user logging out (account deactivated, token expired): shown on the login page. */
  readonly endedReason = signal<string | null>(null);

  hasRole(...roles: string[]): boolean {
    const mine = this.roles();
    return roles.some((r) => mine.has(r));
  }

  async login(username: string, password: string): Promise<CurrentUser> {
    const body: BodyOf<'login'> = { username: username.trim(), password };
    const res = await firstValueFrom(this.http.post<ResponseOf<'login'>>('/api/auth/login', body));
    this.endedReason.set(null);
    this.set(res.accessToken, res.user);
    return res.user;
  }

  /** Refreshes the user (roles may have changed). */
  async refresh(): Promise<void> {
    if (!this.tokenSig()) return;
    const me = await firstValueFrom(this.http.get<ResponseOf<'me'>>('/api/me'));
    this.userSig.set(me);
    write(USER_KEY, JSON.stringify(me));
  }

  /**
   * The API refused the session (401: the account was deactivated or moved, the token expired):
   * back to the login page with the API's words, returning to `returnTo` after logging in again.
   */
  endSession(reason: string, returnTo: string = this.router.url): void {
    if (!this.tokenSig()) return;
    this.endedReason.set(reason);
    this.logout(false);
    const next = returnTo.startsWith('/') && !returnTo.startsWith('/dang-nhap') ? { next: returnTo } : {};
    void this.router.navigate(['/dang-nhap'], { queryParams: next });
  }

  logout(redirect = true): void {
    this.tokenSig.set(null);
    this.userSig.set(null);
    remove(TOKEN_KEY);
    remove(USER_KEY);
    if (redirect) void this.router.navigate(['/dang-nhap']);
  }

  private set(token: string, user: CurrentUser): void {
    this.tokenSig.set(token);
    this.userSig.set(user);
    write(TOKEN_KEY, token);
    write(USER_KEY, JSON.stringify(user));
  }
}

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    /* storage disabled: keep the session in memory */
  }
}
function remove(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    /* ignore */
  }
}
function parseUser(raw: string | null): CurrentUser | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as CurrentUser;
  } catch {
    return null;
  }
}
