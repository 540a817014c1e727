import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttling counters shared by every API instance (rate-limiter-flexible's PostgreSQL
 * store: key "account:<username>" or "address:<ip>", attempts in the window, expiry in epoch ms).
 */
export class LoginThrottle1764600000000 implements MigrationInterface {
  name = 'LoginThrottle1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE login_throttle (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS login_throttle`);
  }
}
