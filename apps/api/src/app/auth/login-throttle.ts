import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';

/** Login throttling settings (README: LOGIN_* variables). Durations in seconds. */
export interface ThrottleConfig {
  maxPerAccount: number;
  maxPerAddress: number;
  windowSeconds: number;
  lockSeconds: number;
}

const positive = (v: string | undefined, fallback: number): number => (v && Number(v) > 0 ? Number(v) : fallback);

export function throttleConfig(env: NodeJS.ProcessEnv = process.env): ThrottleConfig {
  return {
    maxPerAccount: Math.floor(positive(env['LOGIN_MAX_FAILURES_PER_ACCOUNT'], 5)),
    maxPerAddress: Math.floor(positive(env['LOGIN_MAX_FAILURES_PER_ADDRESS'], 20)),
    windowSeconds: positive(env['LOGIN_WINDOW_SECONDS'], 15 * 60),
    lockSeconds: positive(env['LOGIN_LOCK_SECONDS'], 15 * 60),
  };
}

export type LockScope = 'account' | 'address';

/** 429 with when to retry, in words and in `Retry-After`/`retryAfterSeconds`. */
export class LoginLocked extends HttpException {
  constructor(
    readonly scope: LockScope,
    readonly retryAfterSeconds: number,
    now = Date.now(),
  ) {
    const until = new Date(now + retryAfterSeconds * 1000);
    const who = scope === 'account' ? 'Tài khoản này' : 'Máy của bạn (địa chỉ mạng này)';
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        message: `Đăng nhập sai quá nhiều lần. ${who} tạm bị khóa đăng nhập; vui lòng thử lại sau ${inWords(retryAfterSeconds)} (từ ${clock(until)}).`,
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

const inWords = (s: number): string => (s < 60 ? `${s} giây` : `${Math.ceil(s / 60)} phút`);

/** "20:45:10 ngày 05 tháng 01 năm 2026", Vietnam time. */
function clock(d: Date): string {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p['hour']}:${p['minute']}:${p['second']} ngày ${p['day']} tháng ${p['month']} năm ${p['year']}`;
}

/**
 * Login attempts counted per account and per client address in PostgreSQL (table login_throttle,
 * created by a migration), so every API instance sees the same counts. An attempt is counted
 * before the password is checked (parallel guesses cannot slip past the limit); a successful login
 * clears the account's count and gives the address its attempt back. The `max…`-th failure within
 * the window locks that account or address for `lockSeconds`; during the lock even the right
 * password is refused (429), without being checked.
 */
@Injectable()
export class LoginThrottle {
  readonly config = throttleConfig();
  private readonly account: RateLimiterPostgres;
  private readonly address: RateLimiterPostgres;

  constructor(ds: DataSource) {
    const pool = (ds.driver as unknown as { master: object }).master;
    const common = {
      storeClient: pool,
      storeType: 'pool',
      tableName: 'login_throttle',
      tableCreated: true,
      duration: this.config.windowSeconds,
    };
    this.account = new RateLimiterPostgres(
      {
        ...common,
        keyPrefix: 'account',
        points: this.config.maxPerAccount,
        clearExpiredByTimeout: true,
      } /* hourly: drops expired rows of both */,
    );
    this.address = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'address',
      points: this.config.maxPerAddress,
      clearExpiredByTimeout: false,
    });
  }

  /** Counts an attempt; 429 if the account or the address is locked (or over its limit). */
  async attempt(username: string, ip: string): Promise<Attempt> {
    const [account, address] = await Promise.all([this.account.penalty(username, 1), this.address.penalty(ip, 1)]);
    if (account.consumedPoints > this.config.maxPerAccount) throw new LoginLocked('account', seconds(account));
    if (address.consumedPoints > this.config.maxPerAddress) throw new LoginLocked('address', seconds(address));
    return { username, ip, account: account.consumedPoints, address: address.consumedPoints };
  }

  /** After a wrong password: locks what this failure has filled (each lock happens once: one attempt sees the count reach the limit). */
  async failed(a: Attempt): Promise<LoginLocked | null> {
    let error: LoginLocked | null = null;
    if (a.address === this.config.maxPerAddress) {
      await this.address.block(a.ip, this.config.lockSeconds);
      error = new LoginLocked('address', Math.ceil(this.config.lockSeconds));
    }
    if (a.account === this.config.maxPerAccount) {
      await this.account.block(a.username, this.config.lockSeconds);
      error = new LoginLocked('account', Math.ceil(this.config.lockSeconds));
    }
    return error;
  }

  async succeeded(a: Attempt): Promise<void> {
    await Promise.all([this.account.delete(a.username), this.address.reward(a.ip, 1)]);
  }
}

export interface Attempt {
  username: string;
  ip: string;
  /** Attempts counted in the window, this one included. */
  account: number;
  address: number;
}

const seconds = (r: RateLimiterRes): number => Math.max(1, Math.ceil(r.msBeforeNext / 1000));
