import { Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ROLE_NAMES, UNIT_NAMES } from '@trinhky/domain';
import { ApiService } from '../../../core/api.service';
import { AuthService } from '../../../core/auth.service';
import { apiMessage, httpStatus } from '../../../core/errors';

interface OrgVerify {
  ok: boolean;
  reports: number;
  problems: { reportId: string; reason: string; firstBrokenEntryId?: string }[];
}

interface AdminUser {
  id: string;
  username: string;
  fullName: string;
  positionTitle?: string;
  unit?: { code: string; name: string } | null;
  roles?: string[];
  active?: boolean;
}

/** Quản trị: organisation, units, roles, users (when the API offers them) and the whole audit-chain check. */
@Component({
  selector: 'tk-admin-page',
  imports: [MatButtonModule],
  templateUrl: './admin-page.component.html',
})
export class AdminPageComponent {
  private readonly api = inject(ApiService);
  protected readonly auth = inject(AuthService);

  protected readonly units = Object.entries(UNIT_NAMES).map(([code, name]) => ({ code, name }));
  protected readonly roles = Object.entries(ROLE_NAMES).map(([code, name]) => ({ code, name }));
  protected readonly users = signal<AdminUser[] | null>(null);
  protected readonly usersMissing = signal(false);
  protected readonly verify = signal<OrgVerify | null>(null);
  protected readonly verifying = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.loadUsers();
  }

  protected roleName(code: string): string {
    return ROLE_NAMES[code as keyof typeof ROLE_NAMES] ?? code;
  }

  private async loadUsers(): Promise<void> {
    try {
      this.users.set(await this.api.get<AdminUser[]>('/api/users'));
    } catch (err) {
      if (httpStatus(err) === 404) this.usersMissing.set(true);
      else this.error.set(apiMessage(err));
    }
  }

  async verifyAll(): Promise<void> {
    this.verifying.set(true);
    this.error.set(null);
    try {
      this.verify.set(await this.api.get<OrgVerify>('/api/audit/verify'));
    } catch (err) {
      this.error.set(apiMessage(err, 'Không kiểm tra được nhật ký.'));
    } finally {
      this.verifying.set(false);
    }
  }
}
